// Saves a note while the person types: a moment after they pause, again after a failure (the text stays, and a
// draft copy is kept for this tab until the server has it), and never over someone else's newer version: a
// conflict keeps both texts until the person chooses.
import { ApiError } from "./api";
import type { Note } from "./types";

export type SaveStatus = "saved" | "unsaved" | "saving" | "failed" | "conflict";

export interface NoteState {
  text: string;
  status: SaveStatus;
  /** The version on the server, as the client last saw it. */
  version: string | null;
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
}

/** The key of a person's unsaved draft of one note: a draft is only ever restored for the person who typed it. */
export function draftKey(personId: string, meetingId: string, visibility: string): string {
  return `${draftPrefix}${personId}.${meetingId}.${visibility}`;
}

const draftPrefix = "oneonone.draft.";

/**
 * Drafts used to be kept in local storage, on disk and under a key without the person: a shared browser profile could
 * restore one person's private draft as the other's note. Any such draft is removed, never restored.
 */
export function forgetDraftsOnDisk(): void {
  try {
    for (const key of Object.keys(localStorage).filter((k) => k.startsWith(draftPrefix))) {
      localStorage.removeItem(key);
    }
  } catch {
    // Storage blocked: there is nothing of ours in it either.
  }
}

export class NoteSaver {
  private state: NoteState;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight = false;
  private attempt = 0;
  private readonly delayMs: number;
  private readonly retryDelaysMs: number[];

  constructor(
    server: Note | null,
    private readonly options: NoteSaverOptions,
  ) {
    this.delayMs = options.delayMs ?? 800;
    this.retryDelaysMs = options.retryDelaysMs ?? [2_000, 5_000, 10_000, 30_000];
    this.state = { text: server?.text ?? "", status: "saved", version: server?.version ?? null, conflict: null, error: null };
    // Text typed before the pane closed and never saved: bring it back and save it (a conflict if the note moved on).
    const draft = this.readDraft();
    if (draft && draft.text !== this.state.text) {
      this.state = { ...this.state, text: draft.text, version: draft.version, status: "unsaved" };
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

  /** After a conflict: keep one's own text, take the saved one, or keep both one after the other. */
  resolve(choice: "mine" | "theirs" | "both"): void {
    const theirs = this.state.conflict;
    if (!theirs) {
      return;
    }
    const text = choice === "mine" ? this.state.text : choice === "theirs" ? theirs.text : `${theirs.text}\n\n${this.state.text}`;
    if (choice === "theirs") {
      this.clearDraft();
      this.set({ text, version: theirs.version, conflict: null, status: "saved", error: null });
      return;
    }
    this.set({ text, version: theirs.version, conflict: null, status: "unsaved", error: null });
    this.writeDraft();
    this.schedule(0);
  }

  dispose(): void {
    if (this.timer) {
      clearTimeout(this.timer);
    }
    this.timer = null;
  }

  private schedule(ms: number): void {
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
      const note = await this.options.save(text, this.state.version);
      this.attempt = 0;
      const changedMeanwhile = this.state.text !== text;
      this.set({ version: note.version, status: changedMeanwhile ? "unsaved" : "saved", error: null });
      if (changedMeanwhile) {
        this.schedule(this.delayMs);
      } else {
        this.clearDraft();
      }
    } catch (error) {
      const current = error instanceof ApiError && error.status === 409 ? (error.problem?.current as Note | undefined) : undefined;
      if (current) {
        this.set({ status: "conflict", conflict: current, error: null });
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
        const draft: Draft = { text: this.state.text, version: this.state.version };
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
