// Everything the first view needs, started as soon as the page runs (before React and Fluent have loaded):
// office.js, the sign-in configuration, the token, the meeting and the pane's data.
import { ApiError, createApi, type Api } from "../core/api";
import { fetchConfig } from "../core/auth";
import { prefetchDemoSignIn, signIn } from "../core/signIn";
import type { ClientConfig, DemoPerson, PaneData, ResolveRequest, ResolveResponse, UpcomingMeeting } from "../core/types";
import type { AppointmentRef, OutlookHost } from "./office";

export interface Session {
  /** Inside Outlook, or the preview in a plain browser. */
  mode: "office" | "preview";
  host: OutlookHost | null;
  config: ClientConfig;
  api: Api;
  /** Office's display language (the browser's outside Office): the language before the pane says otherwise. */
  hostTag: string;
  /** Development mode: who is signed in, and whom else one could be (asked for on first use). */
  demo: { email: string; people: () => Promise<DemoPerson[]> } | null;
  /** Preview mode: the person's next meetings, one per 1-on-1; asked for on first use, after the first view. */
  upcoming(): Promise<UpcomingMeeting[]>;
  /** The language the API answers in (sent as Accept-Language). */
  setLanguage(language: string): void;
}

export type BootState =
  | { kind: "ready"; session: Session; pane: PaneData }
  /** The event cannot be a 1-on-1 here: not one (`notOneOnOne`), not in the person's calendar, or not saved yet. */
  | { kind: "notOneOnOne"; session: Session | null; reason: NotOneOnOneReason; detail: string | null; language: string | null }
  | { kind: "chooseDemoPerson"; people: DemoPerson[]; hostTag: string }
  | { kind: "noUpcoming"; session: Session; name: string; language: string | null }
  | { kind: "failed"; error: unknown; hostTag: string };

export type NotOneOnOneReason = "notOneOnOne" | "notInCalendar" | "unsaved";

export interface BootChoice {
  email?: string;
  meetingId?: string;
}

export interface BootDependencies {
  office: Promise<OutlookHost | null>;
  browserLanguage: string;
}

export async function boot(deps: BootDependencies, choice: BootChoice = {}): Promise<BootState> {
  // Everything that does not depend on an earlier answer starts now, in parallel.
  const configRequest = fetchConfig();
  const prefetch = prefetchDemoSignIn(choice.email, true);
  const host = await deps.office;
  const hostTag = host?.displayLanguage ?? deps.browserLanguage;
  // Reading the item is asynchronous in compose mode: start it while signing in.
  const appointment = host ? host.readAppointment().catch((): AppointmentRef => ({ kind: "notAppointment" })) : null;
  try {
    const config = await configRequest;
    const signedIn = await signIn(config, prefetch, { hostUser: host?.userEmail ?? null, fallbackToFirstPerson: !host });
    if (signedIn.kind === "choose") {
      return { kind: "chooseDemoPerson", people: signedIn.people, hostTag };
    }
    let language = hostTag;
    const api = createApi({ token: signedIn.token, language: () => language });
    let upcoming: Promise<UpcomingMeeting[]> | null = null;
    const session: Session = {
      mode: host ? "office" : "preview",
      host,
      config,
      api,
      hostTag,
      demo: signedIn.demo,
      upcoming: () => (upcoming ??= api.get<UpcomingMeeting[]>("/api/meetings/upcoming")),
      setLanguage: (value) => (language = value),
    };

    let panePath: string;
    if (host) {
      const event = await appointment;
      if (event?.kind !== "event") {
        return { kind: "notOneOnOne", session, reason: event?.kind === "unsaved" ? "unsaved" : "notOneOnOne", detail: null, language: null };
      }
      try {
        const request: ResolveRequest = { eventId: event.eventId };
        const { meetingId } = await api.send<ResolveResponse>("POST", "/api/meetings/resolve", request);
        panePath = `/api/meetings/${meetingId}/pane`;
      } catch (error) {
        if (error instanceof ApiError && (error.status === 422 || error.status === 404)) {
          const reason = error.status === 404 ? "notInCalendar" : "notOneOnOne";
          return { kind: "notOneOnOne", session, reason, detail: error.detail, language: error.language };
        }
        throw error;
      }
    } else {
      // The preview: the meeting chosen in its switcher, else the next one, which the server finds itself.
      panePath = choice.meetingId ? `/api/meetings/${choice.meetingId}/pane` : "/api/meetings/next/pane";
    }

    let pane: PaneData;
    try {
      pane = await api.get<PaneData>(panePath);
    } catch (error) {
      if (!host && !choice.meetingId && error instanceof ApiError && error.status === 404) {
        return { kind: "noUpcoming", session, name: signedIn.name, language: error.language };
      }
      throw error;
    }
    language = pane.language;
    return { kind: "ready", session, pane };
  } catch (error) {
    return { kind: "failed", error, hostTag };
  }
}
