// Everything the first view needs, started as soon as the page runs (before React and Fluent have loaded):
// office.js, the sign-in configuration, the token, the meeting and the pane's data.
import { ApiError, createApi, type Api } from "../core/api";
import {
  devToken,
  devTokenSource,
  entraTokenSource,
  fetchConfig,
  fetchDemoPeople,
  rememberDemoPerson,
  rememberedDemoPerson,
  type TokenSource,
} from "../core/auth";
import type { ClientConfig, DemoPerson, DevToken, PaneData, ResolveResponse, UpcomingMeeting } from "../core/types";
import type { OutlookHost } from "./office";

export interface Session {
  /** Inside Outlook, or the preview in a plain browser. */
  mode: "office" | "preview";
  host: OutlookHost | null;
  config: ClientConfig;
  api: Api;
  /** Office's display language (the browser's outside Office): the language before the pane says otherwise. */
  hostTag: string;
  /** Development mode: who is signed in, and whom else one could be. */
  demo: { email: string; people: DemoPerson[] } | null;
  /** Preview mode: the person's next meetings, one per 1-on-1. */
  upcoming: UpcomingMeeting[];
  /** The language the API answers in (sent as Accept-Language). */
  setLanguage(language: string): void;
}

export type BootState =
  | { kind: "ready"; session: Session; pane: PaneData }
  | { kind: "notOneOnOne"; session: Session | null; detail: string | null }
  | { kind: "chooseDemoPerson"; people: DemoPerson[]; hostTag: string }
  | { kind: "noUpcoming"; session: Session; name: string }
  | { kind: "failed"; error: unknown; hostTag: string };

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
  const prefetch = prefetchDemoSignIn(choice.email);
  const host = await deps.office;
  const hostTag = host?.displayLanguage ?? deps.browserLanguage;
  // Reading the item is asynchronous in compose mode: start it while signing in.
  const appointment = host ? host.readAppointment().catch(() => null) : null;
  try {
    const config = await configRequest;
    const signIn = await signInFor(config, host, prefetch);
    if (signIn.kind === "choose") {
      return { kind: "chooseDemoPerson", people: signIn.people, hostTag };
    }
    let language = hostTag;
    const api = createApi({ token: signIn.token, language: () => language });
    const session: Session = {
      mode: host ? "office" : "preview",
      host,
      config,
      api,
      hostTag,
      demo: signIn.demo,
      upcoming: [],
      setLanguage: (value) => (language = value),
    };

    let meetingId: string;
    if (host) {
      const event = await appointment;
      if (!event) {
        return { kind: "notOneOnOne", session, detail: null };
      }
      try {
        meetingId = (await api.send<ResolveResponse>("POST", "/api/meetings/resolve", event)).meetingId;
      } catch (error) {
        if (error instanceof ApiError && error.status === 422) {
          return { kind: "notOneOnOne", session, detail: error.detail };
        }
        throw error;
      }
    } else {
      session.upcoming = await api.get<UpcomingMeeting[]>("/api/meetings/upcoming");
      const chosen = session.upcoming.find((m) => m.meetingId === choice.meetingId) ?? session.upcoming[0];
      if (!chosen) {
        return { kind: "noUpcoming", session, name: signIn.name };
      }
      meetingId = chosen.meetingId;
    }

    const pane = await api.get<PaneData>(`/api/meetings/${meetingId}/pane`);
    language = pane.language;
    return { kind: "ready", session, pane };
  } catch (error) {
    return { kind: "failed", error, hostTag };
  }
}

interface DemoPrefetch {
  /** Anonymous and small; answers 404 in Entra ID mode, which then never reads it. */
  people: Promise<DemoPerson[]>;
  /** A token for the person chosen now or last time in this browser, asked for before the mode is even known. */
  first: { email: string; token: Promise<DevToken>; chosen: boolean } | null;
}

function prefetchDemoSignIn(chosen: string | undefined): DemoPrefetch {
  const people = fetchDemoPeople().catch(() => []);
  const email = chosen ?? rememberedDemoPerson();
  const first = email ? { email, token: devToken(email), chosen: chosen !== undefined } : null;
  first?.token.catch(() => undefined);
  return { people, first };
}

type SignIn =
  | { kind: "token"; token: TokenSource; demo: Session["demo"]; name: string }
  | { kind: "choose"; people: DemoPerson[] };

async function signInFor(config: ClientConfig, host: OutlookHost | null, prefetch: DemoPrefetch): Promise<SignIn> {
  if (config.authenticationMode === "EntraId") {
    return { kind: "token", token: await entraTokenSource(config), demo: null, name: "" };
  }

  // Someone just chosen comes first; inside Outlook then the mailbox's own user; then the choice from last time.
  const hostUser = host?.userEmail ?? null;
  const tries: { email: string; token: () => Promise<DevToken> }[] = [];
  const first = prefetch.first;
  if (first) {
    tries.push({ email: first.email, token: () => first.token });
  }
  if (hostUser && first?.email.toLowerCase() !== hostUser.toLowerCase()) {
    tries.splice(first?.chosen ? 1 : 0, 0, { email: hostUser, token: () => devToken(hostUser) });
  }
  const people = await prefetch.people;
  // The preview shows the first demo person's next meeting without asking; inside Outlook the person must choose.
  const fallback = people[0];
  if (!host && fallback) {
    tries.push({ email: fallback.email, token: () => devToken(fallback.email) });
  }

  for (const attempt of tries) {
    try {
      const token = await attempt.token();
      rememberDemoPerson(token.email);
      return { kind: "token", token: devTokenSource(token), demo: { email: token.email, people }, name: token.displayName };
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) {
        throw error;
      }
    }
  }
  return { kind: "choose", people };
}
