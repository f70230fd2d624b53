// Saves a note while the person types: a moment after they pause, again after a failure (the text stays, and a
// draft copy is kept for this tab until the server has it), and never over someone else's newer version: the other
// person's saved text is shown as it arrives, merged with what is being typed where they changed different
// paragraphs; where both changed the same paragraph, a conflict keeps both texts until the person chooses.
import { ApiError } from "./api";
import { mergeParagraphs } from "./merge";
import type { Note } from "./types";

export type SaveStatus = "saved" | "unsaved" | "saving" | "failed" | "conflict";

export interface NoteState {
  text: string;
  status: SaveStatus;
  /** The version on the server, as the client last saw it. */
  version: string | null;
  /** The text of that version: what the person's changes are made to (the merge's common ancestor); null if unknown. */
  base: string | null;
  /** When that version was saved: an older one arriving late is ignored. */
  updatedAt: string | null;
  /** The server's note when it had changed under us. */
  conflict: Note | null;
  /** Why the last save failed, for the person (null while things are fine). */
  error: unknown;
}

export interface NoteSaverOptions {
  save(text: string, version: string | null): Promise<Note>;
  onChange(state: NoteState): void;
  /**
   * Where the unsaved text is kept in case the pane reloads (null: nowhere): in this tab's session storage, under a
   * key that names the person and the note (draftKey), so it is gone with the tab and never another person's.
   */
  draftKey: string | null;
  delayMs?: number;
  retryDelaysMs?: number[];
}

interface Draft {
  text: string;
  version: string | null;
  base?: string | null;
}

/** The key of a person's unsaved draft of one note: a draft is only ever restored for the person who typed it. */
export function draftKey(personId: string, meetingId: string, visibility: string): string {
  return `${draftPrefix}${personId}.${meetingId}.${visibility}`;
}

const draftPrefix = "oneonone.draft.";

/**
 * Removes every draft but the signed-in person's (null: every draft, after an erasure): when a tab's pane starts for
 * another person (the other one signed out, or another demo person was chosen), the first one's unsaved text goes, unread. Drafts used to be kept in local
 * storage, on disk and under a key without the person; any such draft is removed too, never restored.
 */
export function forgetDraftsExcept(personId: string | null): void {
  const own = personId === null ? null : `${draftPrefix}${personId}.`;
  for (const storage of [localStorage, sessionStorage]) {
    try {
      for (const key of Object.keys(storage).filter((k) => k.startsWith(draftPrefix) && (storage === localStorage || own === null || !k.startsWith(own)))) {
        storage.removeItem(key);
      }
    } catch {
      // Storage blocked: there is nothing of ours in it either.
    }
  }
}

export class NoteSaver {
  private state: NoteState;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight = false;
  private disposed = false;
  private attempt = 0;
  private readonly delayMs: number;
  private readonly retryDelaysMs: number[];

  constructor(
    server: Note | null,
    private readonly options: NoteSaverOptions,
  ) {
    this.delayMs = options.delayMs ?? 800;
    this.retryDelaysMs = options.retryDelaysMs ?? [2_000, 5_000, 10_000, 30_000];
    const text = server?.text ?? "";
    this.state = { text, status: "saved", version: server?.version ?? null, base: text, updatedAt: server?.updatedAt ?? null, conflict: null, error: null };
    // Text typed before the pane closed and never saved: bring it back and save it (merged or a conflict if the note
    // moved on meanwhile).
    const draft = this.readDraft();
    if (draft && draft.text !== this.state.text) {
      this.state = { ...this.state, text: draft.text, version: draft.version, base: draft.base ?? (draft.version === this.state.version ? text : null), status: "unsaved" };
      this.schedule(0);
    } else if (draft) {
      this.clearDraft();
    }
  }

  get current(): NoteState {
    return this.state;
  }

  edit(text: string): void {
    if (this.state.status === "conflict") {
      this.set({ text });
      this.writeDraft();
      return;
    }
    this.set({ text, status: "unsaved", error: null });
    this.attempt = 0;
    this.writeDraft();
    this.schedule(this.delayMs);
  }

  /** Save now (the person asked, or the pane is being hidden). */
  flush(): void {
    if (this.state.status === "unsaved" || this.state.status === "failed") {
      this.schedule(0);
    }
  }

  /**
   * The note as the server has it now (the pane read it again after a change by the other person, or Word): shown at
   * once when nothing is being typed, merged into what is being typed otherwise. A save on its way sorts it out
   * itself when it ends (see save).
   */
  theirs(note: Note | null): void {
    if (!note || note.version === this.state.version || this.inFlight || !this.isNewer(note)) {
      return;
    }
    if (this.state.status === "saved" && this.state.text === this.state.base) {
      this.set({ text: note.text, version: note.version, base: note.text, updatedAt: note.updatedAt });
      return;
    }
    this.mergeWith(note);
    if (this.state.status === "unsaved" || this.state.status === "failed") {
      this.schedule(this.delayMs);
    }
  }

  /** After a conflict: keep one's own text, take the saved one, or keep both one after the other. */
  resolve(choice: "mine" | "theirs" | "both"): void {
    const theirs = this.state.conflict;
    if (!theirs) {
      return;
    }
    const text = choice === "mine" ? this.state.text : choice === "theirs" ? theirs.text : `${theirs.text}\n\n${this.state.text}`;
    const server = { version: theirs.version, base: theirs.text, updatedAt: theirs.updatedAt };
    if (choice === "theirs") {
      this.clearDraft();
      this.set({ text, ...server, conflict: null, status: "saved", error: null });
      return;
    }
    this.set({ text, ...server, conflict: null, status: "unsaved", error: null });
    this.writeDraft();
    this.schedule(0);
  }

  /** Stops for good (the editor is going away); text not saved yet is sent now, not after the usual pause. */
  dispose(): void {
    if (this.timer) {
      clearTimeout(this.timer);
    }
    this.timer = null;
    this.disposed = true;
    if ((this.state.status === "unsaved" || this.state.status === "failed") && !this.inFlight) {
      void this.save();
    }
  }

  private schedule(ms: number): void {
    if (this.disposed) {
      return;
    }
    if (this.timer) {
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.save();
    }, ms);
  }

  private async save(): Promise<void> {
    if (this.inFlight) {
      // The running save will look at the text again when it ends.
      return;
    }
    this.inFlight = true;
    const text = this.state.text;
    this.set({ status: "saving" });
    try {
      this.stored(await this.options.save(text, this.state.version), text);
    } catch (error) {
      const current = error instanceof ApiError && error.status === 409 ? (error.problem?.current as Note | undefined) : undefined;
      if (current && current.text === text) {
        // An earlier attempt of this very text reached the server; only its answer was lost.
        this.stored(current, text);
      } else if (current) {
        this.mergeWith(current);
        if (this.state.status === "unsaved") {
          this.schedule(0);
        }
      } else if (error instanceof ApiError && !error.transient) {
        // The server refuses this text (too long, say): trying again would be refused again. The text stays.
        this.set({ status: "failed", error });
      } else {
        this.set({ status: "failed", error });
        const delay = this.retryDelaysMs[Math.min(this.attempt, this.retryDelaysMs.length - 1)] ?? 30_000;
        this.attempt++;
        this.schedule(delay);
      }
    } finally {
      this.inFlight = false;
    }
  }

  /** The server has `text` as `note`: saved, unless the person typed on meanwhile (then that is saved next). */
  private stored(note: Note, text: string): void {
    this.attempt = 0;
    const changedMeanwhile = this.state.text !== text;
    this.set({ version: note.version, base: note.text, updatedAt: note.updatedAt, status: changedMeanwhile ? "unsaved" : "saved", error: null });
    if (changedMeanwhile) {
      this.schedule(this.delayMs);
    } else {
      this.clearDraft();
    }
  }

  /** Takes in the server's newer note: merged with the person's text, or a conflict for them to resolve. */
  private mergeWith(note: Note): void {
    if (this.state.status === "conflict") {
      this.set({ conflict: note });
      return;
    }
    const merged = this.state.base === null ? null : mergeParagraphs(this.state.base, this.state.text, note.text);
    if (merged === null) {
      this.set({ status: "conflict", conflict: note, error: null });
      return;
    }
    this.set({ text: merged, version: note.version, base: note.text, updatedAt: note.updatedAt, status: merged === note.text ? "saved" : "unsaved", error: null });
    if (merged === note.text) {
      this.clearDraft();
    } else {
      this.writeDraft();
    }
  }

  private isNewer(note: Note): boolean {
    return this.state.updatedAt === null || Date.parse(note.updatedAt) >= Date.parse(this.state.updatedAt);
  }

  private set(change: Partial<NoteState>): void {
    this.state = { ...this.state, ...change };
    this.options.onChange(this.state);
  }

  private readDraft(): Draft | null {
    try {
      const raw = this.options.draftKey ? sessionStorage.getItem(this.options.draftKey) : null;
      return raw ? (JSON.parse(raw) as Draft) : null;
    } catch {
      return null;
    }
  }

  private writeDraft(): void {
    try {
      if (this.options.draftKey) {
        const draft: Draft = { text: this.state.text, version: this.state.version, base: this.state.base };
        sessionStorage.setItem(this.options.draftKey, JSON.stringify(draft));
      }
    } catch {
      // Storage full or blocked: the text is still on screen and the saver keeps trying.
    }
  }

  private clearDraft(): void {
    try {
      if (this.options.draftKey) {
        sessionStorage.removeItem(this.options.draftKey);
      }
    } catch {
      // See writeDraft.
    }
  }
}
