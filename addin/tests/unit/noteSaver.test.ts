// Notes are saved automatically and never silently lost: failures keep the text and retry, conflicts keep both.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../src/core/api";
import { draftKey, forgetDraftsOnDisk, NoteSaver, type NoteState } from "../../src/core/noteSaver";
import type { Note } from "../../src/core/types";

const note = (text: string, version: string): Note => ({ visibility: "Shared", text, version, updatedAt: "2026-11-26T10:00:00Z", updatedById: "x" });

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
    expect(JSON.parse(sessionStorage.getItem("draft")!)).toEqual({ text: "Important", version: "v1" });
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
    const s = saver(save, note("", "v1"));
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

  it("never restores one person's draft for another, and removes drafts older versions left on disk", async () => {
    const save = vi.fn(async (text: string) => note(text, "v2"));
    sessionStorage.setItem(draftKey("person-a", "meeting-1", "Private"), JSON.stringify({ text: "A's private thought", version: null }));
    localStorage.setItem("oneonone.draft.meeting-1.Private", JSON.stringify({ text: "left on disk", version: null }));

    forgetDraftsOnDisk();
    const asB = new NoteSaver(null, { save, onChange: () => undefined, draftKey: draftKey("person-b", "meeting-1", "Private") });
    await vi.advanceTimersByTimeAsync(1000);

    expect(asB.current.text).toBe("");
    expect(save).not.toHaveBeenCalled();
    expect(localStorage.getItem("oneonone.draft.meeting-1.Private")).toBeNull();
    expect(draftKey("person-a", "meeting-1", "Private")).not.toBe(draftKey("person-b", "meeting-1", "Private"));
  });
});
