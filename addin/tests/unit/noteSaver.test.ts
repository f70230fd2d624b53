// Notes are saved automatically and never silently lost: failures keep the text and retry, conflicts keep both.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../src/core/api";
import { draftKey, forgetDraftsExcept, NoteSaver, type NoteState } from "../../src/core/noteSaver";
import type { Note } from "../../src/core/types";

const note = (text: string, version: string, updatedAt = "2026-11-26T10:00:00Z"): Note => ({ visibility: "Shared", text, version, updatedAt, updatedById: "x" });

describe("NoteSaver", () => {
  let states: NoteState[];
  beforeEach(() => {
    vi.useFakeTimers();
    sessionStorage.clear();
    localStorage.clear();
    states = [];
  });
  afterEach(() => vi.useRealTimers());

  const saver = (save: (text: string, version: string | null) => Promise<Note>, server: Note | null = null) =>
    new NoteSaver(server, { save, onChange: (s) => states.push(s), draftKey: "draft", delayMs: 500, retryDelaysMs: [1000, 2000] });

  it("saves a moment after typing stops, with the version it last saw", async () => {
    const save = vi.fn(async (text: string) => note(text, "v2"));
    const s = saver(save, note("", "v1"));
    s.edit("H");
    s.edit("Hello");
    expect(s.current.status).toBe("unsaved");
    await vi.advanceTimersByTimeAsync(500);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith("Hello", "v1");
    expect(s.current).toMatchObject({ status: "saved", version: "v2", text: "Hello" });
    expect(sessionStorage.getItem("draft")).toBeNull();
    expect(states.map((x) => x.status)).toContain("saving");
  });

  it("keeps the text after a failed save, keeps a draft, and retries until it works", async () => {
    let calls = 0;
    const save = vi.fn(async (text: string) => {
      calls++;
      if (calls < 3) {
        throw new ApiError("network", 0, null, null, null);
      }
      return note(text, "v2");
    });
    const s = saver(save, note("", "v1"));
    s.edit("Important");
    await vi.advanceTimersByTimeAsync(500);
    expect(s.current).toMatchObject({ status: "failed", text: "Important" });
    expect(JSON.parse(sessionStorage.getItem("draft")!)).toEqual({ text: "Important", version: "v1", base: "" });
    // Kept for this tab only: nothing of the note is written to disk.
    expect(localStorage.length).toBe(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(s.current.status).toBe("failed");
    await vi.advanceTimersByTimeAsync(2000);
    expect(s.current).toMatchObject({ status: "saved", text: "Important", version: "v2" });
    expect(sessionStorage.getItem("draft")).toBeNull();
  });

  it("on a conflict keeps both texts until the person chooses, then saves over the current version", async () => {
    const theirs = note("Their words", "v9");
    const save = vi
      .fn<(text: string, version: string | null) => Promise<Note>>()
      .mockRejectedValueOnce(new ApiError("http", 409, "Conflict", "Changed", { current: theirs }))
      .mockImplementation(async (text) => note(text, "v10"));
    const s = saver(save, note("Draft", "v1"));
    s.edit("My words");
    await vi.advanceTimersByTimeAsync(500);
    expect(s.current).toMatchObject({ status: "conflict", text: "My words", conflict: theirs });

    s.resolve("both");
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenLastCalledWith("Their words\n\nMy words", "v9");
    expect(s.current).toMatchObject({ status: "saved", version: "v10", conflict: null });
  });

  it("brings back a draft the pane did not get to save, and saves it", async () => {
    sessionStorage.setItem("draft", JSON.stringify({ text: "Typed before closing", version: "v1" }));
    const save = vi.fn(async (text: string) => note(text, "v2"));
    const s = saver(save, note("Old", "v1"));
    expect(s.current).toMatchObject({ text: "Typed before closing", status: "unsaved" });
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledWith("Typed before closing", "v1");
  });

  it("saves typing that happened during a save right after it", async () => {
    let resolveFirst: (n: Note) => void = () => undefined;
    const save = vi
      .fn<(text: string, version: string | null) => Promise<Note>>()
      .mockImplementationOnce(() => new Promise((resolve) => (resolveFirst = resolve)))
      .mockImplementation(async (text) => note(text, "v3"));
    const s = saver(save, null);
    s.edit("One");
    await vi.advanceTimersByTimeAsync(500);
    s.edit("One two");
    resolveFirst(note("One", "v2"));
    await vi.advanceTimersByTimeAsync(500);
    expect(save).toHaveBeenLastCalledWith("One two", "v2");
    expect(s.current).toMatchObject({ status: "saved", text: "One two" });
  });

  it("never restores one person's draft for another, removes it when the tab's pane starts for another, and removes drafts older versions left on disk", async () => {
    const save = vi.fn(async (text: string) => note(text, "v2"));
    sessionStorage.setItem(draftKey("person-a", "meeting-1", "Private"), JSON.stringify({ text: "A's private thought", version: null }));
    localStorage.setItem("oneonone.draft.meeting-1.Private", JSON.stringify({ text: "left on disk", version: null }));

    sessionStorage.setItem(draftKey("person-b", "meeting-2", "Shared"), JSON.stringify({ text: "B's own", version: null }));
    forgetDraftsExcept("person-b");
    expect(sessionStorage.getItem(draftKey("person-a", "meeting-1", "Private"))).toBeNull();
    expect(sessionStorage.getItem(draftKey("person-b", "meeting-2", "Shared"))).not.toBeNull();
    const asB = new NoteSaver(null, { save, onChange: () => undefined, draftKey: draftKey("person-b", "meeting-1", "Private") });
    await vi.advanceTimersByTimeAsync(1000);

    expect(asB.current.text).toBe("");
    expect(save).not.toHaveBeenCalled();
    expect(localStorage.getItem("oneonone.draft.meeting-1.Private")).toBeNull();
    expect(draftKey("person-a", "meeting-1", "Private")).not.toBe(draftKey("person-b", "meeting-1", "Private"));
  });

  it("shows the other person's saved text at once when nothing is being typed, and ignores an older one arriving late", () => {
    const save = vi.fn(async (text: string) => note(text, "v2"));
    const s = saver(save, note("Start", "v1", "2026-11-26T10:00:00Z"));
    s.theirs(note("Start\nAdded by the other", "v3", "2026-11-26T10:05:00Z"));
    expect(s.current).toMatchObject({ status: "saved", text: "Start\nAdded by the other", version: "v3" });
    s.theirs(note("Start", "v1", "2026-11-26T10:00:00Z"));
    expect(s.current).toMatchObject({ text: "Start\nAdded by the other", version: "v3" });
    expect(save).not.toHaveBeenCalled();
  });

  it("merges the other person's saved paragraphs into what is being typed, and saves over their version", async () => {
    const save = vi.fn(async (text: string) => note(text, "v4", "2026-11-26T10:10:00Z"));
    const s = saver(save, note("Goals\nTraining", "v1"));
    s.edit("Goals for Q1\nTraining");
    s.theirs(note("Goals\nTraining in March", "v3", "2026-11-26T10:05:00Z"));
    expect(s.current).toMatchObject({ status: "unsaved", text: "Goals for Q1\nTraining in March", version: "v3" });
    await vi.advanceTimersByTimeAsync(500);
    expect(save).toHaveBeenCalledWith("Goals for Q1\nTraining in March", "v3");
    expect(s.current).toMatchObject({ status: "saved", version: "v4" });
  });

  it("merges on a 409 where the two changed different paragraphs, instead of asking", async () => {
    const theirs = note("Goals\nTheirs below", "v9", "2026-11-26T10:05:00Z");
    const save = vi
      .fn<(text: string, version: string | null) => Promise<Note>>()
      .mockRejectedValueOnce(new ApiError("http", 409, "Conflict", "Changed", { current: theirs }))
      .mockImplementation(async (text) => note(text, "v10", "2026-11-26T10:06:00Z"));
    const s = saver(save, note("Goals", "v1"));
    s.edit("Goals\nMine below");
    await vi.advanceTimersByTimeAsync(500);
    // The answer to the first save settles a few promises later; its follow-up save is due at once.
    await vi.waitUntil(() => save.mock.calls.length === 2 || vi.getTimerCount() > 0);
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenLastCalledWith("Goals\nTheirs below\nMine below", "v9");
    expect(s.current).toMatchObject({ status: "saved", version: "v10", conflict: null });
  });

  it("takes a 409 that holds its own text as the save it was: the first answer was lost, not the words", async () => {
    const save = vi
      .fn<(text: string, version: string | null) => Promise<Note>>()
      .mockRejectedValueOnce(new ApiError("http", 409, "Conflict", "Changed", { current: note("Start\nX", "v2", "2026-11-26T10:05:00Z") }));
    const s = saver(save, note("Start", "v1"));
    s.edit("Start\nX");
    await vi.advanceTimersByTimeAsync(500);
    await vi.waitUntil(() => s.current.status !== "saving");
    expect(s.current).toMatchObject({ status: "saved", text: "Start\nX", version: "v2", conflict: null });
    expect(save).toHaveBeenCalledTimes(1);
  });

  it("does not retry text the server refuses, and keeps it", async () => {
    const save = vi.fn(async (): Promise<Note> => {
      throw new ApiError("http", 400, "Too long", "At most 20000 characters.", null);
    });
    const s = saver(save, note("", "v1"));
    s.edit("Far too long");
    await vi.advanceTimersByTimeAsync(500);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(save).toHaveBeenCalledTimes(1);
    expect(s.current).toMatchObject({ status: "failed", text: "Far too long" });
  });

  it("sends unsaved text at once when the editor goes away", async () => {
    const save = vi.fn(async (text: string) => note(text, "v2"));
    const s = saver(save, note("", "v1"));
    s.edit("Typed just before switching items");
    s.dispose();
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledWith("Typed just before switching items", "v1");
  });
});
