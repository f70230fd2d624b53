// The preview's early script: when it may start (outside Office, Development mode, a token it can trust), what it asks
// for, and that it paints only until the entry takes over.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ClientConfig, DevToken, PaneData } from "../../src/core/types";
import { plainBrowser, preloadUi, previewPaneElementId, previewToken, startEarly, uiPreloadTemplateId } from "../../src/outlook/early";
import { item, pane } from "./fixtures";

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();
const token = (email: string, expiresAt = inAnHour()): DevToken => ({ accessToken: `token-of-${email}`, expiresAt, email, displayName: email });
const sanne = token("sanne@demo.test");
const development: ClientConfig = { authenticationMode: "Development", clientId: null, authority: null, apiScope: null, oneDrive: false, previewSignIn: sanne };

function page(config: ClientConfig, url = "/taskpane.html", previewPane?: PaneData) {
  window.history.replaceState(null, "", url);
  document.head.innerHTML =
    `<script type="application/json" id="oneonone-config">${JSON.stringify(config)}</script>` +
    (previewPane ? `<script type="application/json" id="${previewPaneElementId}">${JSON.stringify(previewPane)}</script>` : "");
  document.body.innerHTML = `<div id="root"></div>`;
}

const answered = (body: unknown, status = 200) => vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } }));

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, "", "/");
});

describe("where the early script may start", () => {
  it("starts in a plain browser tab", () => {
    window.history.replaceState(null, "", "/taskpane.html");
    expect(plainBrowser(window)).toBe(true);
  });

  it.each(["?host=outlook", "?_host_Info=Outlook$Win32$16.02$en-US$$$$0", "?x=1&host=outlook"])("not when Office opened the page (%s)", (search) => {
    window.history.replaceState(null, "", `/taskpane.html${search}`);
    expect(plainBrowser(window)).toBe(false);
  });

  it("not inside a desktop host's web view", () => {
    vi.stubGlobal("chrome", { webview: {} });
    expect(plainBrowser(window)).toBe(false);
  });

  it("not when framed, as Office on the web shows panes", () => {
    const framed = { location: window.location, top: {} } as unknown as Window;
    expect(plainBrowser(framed)).toBe(false);
  });
});

describe("whom the early script signs in as", () => {
  it("the first demo person from the page when this browser remembers nobody", () => {
    expect(previewToken(development)).toEqual(sanne);
  });

  it("the remembered person with the token kept for the tab", () => {
    const priya = token("priya@demo.test");
    localStorage.setItem("oneonone.demoPerson", "Priya@demo.test");
    sessionStorage.setItem("oneonone.devToken", JSON.stringify(priya));
    expect(previewToken(development)).toEqual(priya);
  });

  it("nobody when the remembered person's token is missing, someone else's or about to expire: the entry asks", () => {
    localStorage.setItem("oneonone.demoPerson", "priya@demo.test");
    expect(previewToken(development)).toBeNull();
    sessionStorage.setItem("oneonone.devToken", JSON.stringify(sanne));
    expect(previewToken(development)).toBeNull();
    sessionStorage.setItem("oneonone.devToken", JSON.stringify(token("priya@demo.test", new Date(Date.now() + 30_000).toISOString())));
    expect(previewToken(development)).toBeNull();
  });
});

describe("the early start", () => {
  it("paints the pane the server wrote into the page at once, without a request", async () => {
    page(development, "/taskpane.html", pane("en", [item("Workload")]));
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);

    const early = startEarly(window)!;

    expect(document.querySelector("[data-testid=agenda]")?.textContent).toContain("Workload");
    expect(early.dismiss()).toBe(true);
    expect((await early.pane)?.agenda[0]?.text).toBe("Workload");
    expect(early.token).toEqual(sanne);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("asks for the remembered person's own pane when the page's is for someone else", async () => {
    const priya = token("priya@demo.test");
    localStorage.setItem("oneonone.demoPerson", "priya@demo.test");
    sessionStorage.setItem("oneonone.devToken", JSON.stringify(priya));
    page(development, "/taskpane.html", pane("en", [item("Sanne's item")]));
    const fetch = answered(pane("en", [item("Priya's item")]));
    vi.stubGlobal("fetch", fetch);

    const early = startEarly(window)!;
    expect(document.getElementById("root")?.childNodes).toHaveLength(0);
    const data = await early.pane;
    await Promise.resolve();

    expect(fetch).toHaveBeenCalledTimes(1);
    expect(data?.agenda[0]?.text).toBe("Priya's item");
    expect(document.querySelector("[data-testid=agenda]")?.textContent).toContain("Priya's item");
  });

  it("asks for the next meeting's pane with the token and the browser's language, and paints it", async () => {
    page(development);
    const fetch = answered(pane("en", [item("Workload")]));
    vi.stubGlobal("fetch", fetch);

    const early = startEarly(window)!;
    const data = await early.pane;
    await Promise.resolve();

    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/meetings/next/pane");
    expect(init.headers).toEqual({ Authorization: "Bearer token-of-sanne@demo.test", "Accept-Language": navigator.language });
    expect(data?.agenda[0]?.text).toBe("Workload");
    expect(document.querySelector("[data-testid=agenda]")?.textContent).toContain("Workload");
    expect(document.body.textContent).toContain("Preview outside Outlook");
    expect(early.dismiss()).toBe(true);
  });

  it("leaves the page alone once the entry has taken over", async () => {
    page(development);
    vi.stubGlobal("fetch", answered(pane("en", [item("Workload")])));

    const early = startEarly(window)!;
    expect(early.dismiss()).toBe(false);
    await early.pane;
    await Promise.resolve();

    expect(document.getElementById("root")?.childNodes).toHaveLength(0);
  });

  it("hands anything but a pane to the entry as null, without painting", async () => {
    page(development);
    vi.stubGlobal("fetch", answered({ title: "Not Found" }, 404));

    const early = startEarly(window)!;
    expect(await early.pane).toBeNull();
    expect(document.getElementById("root")?.childNodes).toHaveLength(0);
  });

  it("does nothing in Entra ID mode, inside Office, or without a token in the page", () => {
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);

    page({ ...development, authenticationMode: "EntraId", previewSignIn: null });
    expect(startEarly(window)).toBeNull();
    page(development, "/taskpane.html?host=outlook");
    expect(startEarly(window)).toBeNull();
    page({ ...development, previewSignIn: null });
    expect(startEarly(window)).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe("the UI code's preloads", () => {
  it("wait inert in the page and become preloads when the early script finds itself inside Office", () => {
    document.head.innerHTML = `<template id="${uiPreloadTemplateId}"><link rel="modulepreload" href="/assets/App-1.js"></template>`;
    expect(document.head.querySelectorAll(":scope > link")).toHaveLength(0);

    preloadUi(document);

    const links = document.head.querySelectorAll<HTMLLinkElement>(":scope > link[rel=modulepreload]");
    expect([...links].map((link) => link.getAttribute("href"))).toEqual(["/assets/App-1.js"]);
  });
});
