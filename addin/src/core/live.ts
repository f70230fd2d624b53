// Live updates of a meeting: the backend's SignalR hub says when the series changed (whoever changed it: the other
// person, Word, the calendar) and the pane reads itself again. Loaded after the first view, so the pane's first paint
// never waits for it; without it (blocked WebSockets fall back to SignalR's other transports) the pane still works.
import type { Api } from "./api";

export interface PresentPerson {
  id: string;
  name: string;
}

export interface LiveOptions {
  /** Something changed: read the pane again. Called at most every few hundred milliseconds. */
  onChange(): void;
  /** Who has this meeting open now (the caller included). */
  onPresence?(people: PresentPerson[]): void;
}

const settleMs = 250;

/** Follows the meeting until the returned function is called. */
export function followMeeting(api: Api, meetingId: string, options: LiveOptions): () => void {
  let stopped = false;
  let stop: (() => Promise<void>) | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const changed = () => {
    if (timer === null) {
      timer = setTimeout(() => {
        timer = null;
        if (!stopped) {
          options.onChange();
        }
      }, settleMs);
    }
  };

  void (async () => {
    const signalR = await import("@microsoft/signalr");
    const connection = new signalR.HubConnectionBuilder()
      .withUrl("/hubs/meetings", { accessTokenFactory: () => api.token() })
      .withAutomaticReconnect()
      .configureLogging(signalR.LogLevel.None)
      .build();
    connection.on("changed", changed);
    connection.on("present", (meeting: string, people: PresentPerson[]) => {
      if (meeting === meetingId && !stopped) {
        options.onPresence?.(people);
      }
    });
    // Back after a lost connection: join again, and read once what was missed meanwhile.
    connection.onreconnected(() => {
      void connection.invoke<boolean>("Join", meetingId).then(changed, () => undefined);
    });
    stop = () => connection.stop();
    if (stopped) {
      return;
    }
    await connection.start();
    await connection.invoke<boolean>("Join", meetingId);
  })().catch(() => undefined);

  return () => {
    stopped = true;
    if (timer !== null) {
      clearTimeout(timer);
    }
    void stop?.().catch(() => undefined);
  };
}
