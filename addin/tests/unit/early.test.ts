// The page's early script: it starts only inside Office (never in a plain browser tab), and there puts the UI code's
// preloads in the page.
import { afterEach, describe, expect, it, vi } from "vitest";
import { plainBrowser, preloadUi, uiPreloadTemplateId } from "../../src/outlook/early";

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, "", "/");
});

describe("a plain browser tab, where the early script leaves everything to the entry", () => {
  it("is a page opened directly", () => {
    window.history.replaceState(null, "", "/taskpane.html");
    expect(plainBrowser(window)).toBe(true);
  });

  it.each(["?host=outlook", "?_host_Info=Outlook$Win32$16.02$en-US$$$$0", "?x=1&host=outlook"])("is not a page Office opened (%s)", (search) => {
    window.history.replaceState(null, "", `/taskpane.html${search}`);
    expect(plainBrowser(window)).toBe(false);
  });

  it("is not a desktop host's web view", () => {
    vi.stubGlobal("chrome", { webview: {} });
    expect(plainBrowser(window)).toBe(false);
  });

  it("is not framed, as Office on the web shows panes", () => {
    const framed = { location: window.location, top: {} } as unknown as Window;
    expect(plainBrowser(framed)).toBe(false);
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
