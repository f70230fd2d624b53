// Live updates of a meeting: the backend's SignalR hub says when the series changed (whoever changed it: the other
// person, Word, the calendar) and the pane reads itself again. Loaded after the first view, so the pane's first paint
// never waits for it; without it the pane still works. Where WebSockets are blocked SignalR falls back to its other
// transports; a lost connection is tried again for as long as the pane is open.
import type { Api } from "./api";

export interface PresentPerson {
  id: string;
  name: string;
}

export interface LiveOptions {
  /**
   * Something changed: read the pane again. Called at most every few hundred milliseconds, with who made the changes
   * since the last call (a person's id; null for the calendar and other background work, or for what may have been
   * missed while the connection was lost).
   */
  onChange(by: (string | null)[]): void;
  /** Who else has this meeting open now (other panes, the person's own other panes included). */
  onPresence?(people: PresentPerson[]): void;
}

/** A pane with a meeting open, as the hub tells it (MeetingHub.OpenPane). */
interface OpenPane {
  meeting: string;
  pane: string;
  personId: string;
  name: string;
}

const settleMs = 250;
/** How often a pane says it is still there, and after how long without a word another pane is forgotten. */
export const hereEveryMs = 60_000;
const forgetAfterMs = 150_000;
const retryDelaysMs = [0, 2_000, 5_000, 10_000, 30_000];

/** Follows the meeting until the returned function is called. */
export function followMeeting(api: Api, meetingId: string, options: LiveOptions): () => void {
  let stopped = false;
  let stop: (() => Promise<void>) | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let changers: (string | null)[] = [];
  const changed = (by: string | null) => {
    changers.push(by);
    if (timer === null) {
      timer = setTimeout(() => {
        timer = null;
        const heard = changers;
        changers = [];
        if (!stopped) {
          options.onChange(heard);
        }
      }, settleMs);
    }
  };

  const panes = new Map<string, { person: PresentPerson; seen: number }>();
  const tellPresence = () => {
    if (!stopped) {
      const people = [...panes.values()].map((p) => p.person);
      options.onPresence?.(people.filter((p, i) => people.findIndex((q) => q.id === p.id) === i));
    }
  };
  const seen = (pane: OpenPane) => {
    if (pane.meeting === meetingId) {
      panes.set(pane.pane, { person: { id: pane.personId, name: pane.name }, seen: Date.now() });
      tellPresence();
    }
  };

  let heartbeat: ReturnType<typeof setInterval> | null = null;
  void (async () => {
    const signalR = await import("@microsoft/signalr");
    if (stopped) {
      return;
    }
    const connection = new signalR.HubConnectionBuilder()
      .withUrl("/hubs/meetings", { accessTokenFactory: () => api.token() })
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (retry) => retryDelaysMs[Math.min(retry.previousRetryCount, retryDelaysMs.length - 1)] ?? 30_000 })
      .configureLogging(signalR.LogLevel.None)
      .build();
    connection.on("changed", (_meeting: string | null, by: string | null) => changed(by));
    connection.on("arrived", (pane: OpenPane) => {
      seen(pane);
      void connection.invoke("Here").catch(() => undefined);
    });
    connection.on("present", seen);
    connection.on("left", (pane: OpenPane) => {
      if (panes.delete(pane.pane)) {
        tellPresence();
      }
    });
    const join = async () => {
      panes.clear();
      tellPresence();
      await connection.invoke<boolean>("Join", meetingId);
    };
    // Back after a lost connection: join again, and read once what was missed meanwhile. Not joined is no use: close,
    // and start afresh below.
    connection.onreconnected(() => {
      void join().then(
        () => changed(null),
        () => void connection.stop().catch(() => undefined),
      );
    });
    // The first start failed, or the connection closed for good (also after a failed join): start again, later, for
    // as long as the pane is open. One loop at a time: stopping a half-started connection closes it too.
    let starting = false;
    const startFrom = async (attempt: number): Promise<void> => {
      if (starting) {
        return;
      }
      starting = true;
      try {
        for (let n = attempt; !stopped; n++) {
          try {
            await connection.start();
            await join();
            if (n > 0) {
              changed(null);
            }
            return;
          } catch {
            await connection.stop().catch(() => undefined);
            await new Promise((resolve) => setTimeout(resolve, retryDelaysMs[Math.min(n + 1, retryDelaysMs.length - 1)]));
          }
        }
      } finally {
        starting = false;
      }
    };
    connection.onclose(() => void startFrom(1));
    heartbeat = setInterval(() => {
      const forgetBefore = Date.now() - forgetAfterMs;
      let forgot = false;
      for (const [pane, { seen }] of panes) {
        if (seen < forgetBefore) {
          forgot = panes.delete(pane) || forgot;
        }
      }
      if (forgot) {
        tellPresence();
      }
      if (connection.state === signalR.HubConnectionState.Connected) {
        void connection.invoke("Here").catch(() => undefined);
      }
    }, hereEveryMs);
    stop = () => connection.stop();
    await startFrom(0);
  })().catch(() => undefined);

  return () => {
    stopped = true;
    if (timer !== null) {
      clearTimeout(timer);
    }
    if (heartbeat !== null) {
      clearInterval(heartbeat);
    }
    void stop?.().catch(() => undefined);
  };
}
