// The first view the entry script paints before React: text as text, both languages, the carried-over marker.
import { afterEach, describe, expect, it } from "vitest";
import { en } from "../../src/core/messages/en";
import { nl } from "../../src/core/messages/nl";
import type { PaneData } from "../../src/core/types";
import { afterNextPaint, paintFirstView } from "../../src/outlook/firstPaint";
import { item, pane } from "./fixtures";

const paint = (data: PaneData, preview = false) => {
  const root = document.createElement("div");
  root.textContent = "Loading";
  paintFirstView(root, data, { hostTag: "en-GB", preview });
  return root;
};

afterEach(() => document.documentElement.removeAttribute("lang"));

describe("the first view before React", () => {
  it("shows the other person, the goal and the agenda in English, busy until React takes over", () => {
    const root = paint(pane("en", [item("Workload"), item("Holiday plans")], "Agree on Q2"));

    expect(root.getAttribute("aria-busy")).toBe("true");
    expect(root.querySelector("h1")?.textContent).toBe("1-on-1 with Sanne Visser");
    expect(root.textContent).toContain(en.roleReport);
    expect(root.textContent).toContain("Agree on Q2");
    expect(root.querySelector("h2")?.textContent).toBe(en.agendaTitle);
    const agenda = root.querySelectorAll("[data-testid=agenda]");
    expect(agenda).toHaveLength(1);
    expect([...agenda[0]!.querySelectorAll("li")].map((li) => li.firstElementChild?.firstChild?.textContent)).toEqual(["Workload", "Holiday plans"]);
    expect(root.textContent).not.toContain("Loading");
    expect(document.documentElement.lang).toBe("en");
  });

  it("speaks Dutch when the pane does, with the Dutch date and the carried-over marker", async () => {
    const root = paint(pane("nl", [item("Werkdruk", { carriedOver: true, carriedOverFrom: "2030-02-25T09:00:00Z" })]), true);
    await afterNextPaint();

    expect(root.querySelector("h1")?.textContent).toBe("1-op-1 met Sanne Visser");
    expect(root.textContent).toContain(nl.previewBanner);
    expect(root.textContent).toContain(nl.goalPlaceholder);
    expect(root.querySelector("time")?.textContent).toContain("maart");
    expect(root.querySelector(".fv-badge")?.textContent).toBe(nl.agendaCarriedOver.replace("{date}", "25 feb 2030"));
    expect(document.documentElement.lang).toBe("nl");
  });

  it("shows the agenda first and the dates, which wait for the browser's locale data, one frame later", async () => {
    const root = paint(pane("en", [item("Workload", { carriedOver: true, carriedOverFrom: "2030-02-25T09:00:00Z" })]));

    expect(root.querySelector("[data-testid=agenda]")?.textContent).toContain("Workload");
    expect(root.querySelector("time")?.textContent).toBe("");
    expect(root.querySelector("time")?.dateTime).toBe(pane("en", []).meeting.start);
    expect(root.querySelector(".fv-badge")).toBeNull();

    await afterNextPaint();
    expect(root.querySelector("time")?.textContent).toMatch(/2030/);
    expect(root.querySelector(".fv-badge")?.textContent).toBe(en.agendaCarriedOver.replace("{date}", "25 Feb 2030"));
  });

  it("says the agenda is empty instead of showing an empty list", () => {
    const root = paint(pane("en", []));

    expect(root.querySelector("[data-testid=agenda]")).toBeNull();
    expect(root.textContent).toContain(en.agendaEmpty);
  });

  it("puts what people typed on screen as text, never as markup", () => {
    const markup = `<img src=x onerror="window.__owned=1"><b>bold</b>`;
    const root = paint(pane("en", [item(markup, { authorName: "<i>Mallory</i>" })], "<script>alert(1)</script>"));

    expect(root.querySelectorAll("img, b, i, script")).toHaveLength(0);
    expect(root.textContent).toContain(markup);
    expect(root.textContent).toContain("<i>Mallory</i>");
    expect(root.textContent).toContain("<script>alert(1)</script>");
  });
});
