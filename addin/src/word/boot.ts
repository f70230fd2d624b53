// Everything the Word pane's first view needs, started as soon as the page runs (before React and Fluent have loaded):
// office.js, the meeting in the document, the sign-in configuration, the token and the meeting's data.
import { createApi, type Api } from "../core/api";
import { fetchConfig } from "../core/auth";
import { prefetchDemoSignIn, signIn } from "../core/signIn";
import type { DemoPerson, PaneData } from "../core/types";
import { parseMeetingPart, type MeetingPart } from "./document";
import type { WordHost } from "./word";

export interface WordSession {
  host: WordHost;
  api: Api;
  /** Development mode: who is signed in. */
  demo: { email: string; name: string } | null;
  /** The language the API answers in (sent as Accept-Language). */
  setLanguage(language: string): void;
}

export type View =
  | { kind: "ready"; session: WordSession; part: MeetingPart; pane: PaneData }
  /** A plain browser, or an Office host that is not Word. */
  | { kind: "outsideWord" }
  | { kind: "tooOld" }
  | { kind: "notOneOnOne" }
  | { kind: "chooseDemoPerson"; people: DemoPerson[] }
  | { kind: "failed"; error: unknown; demo: boolean };

export interface BootState {
  host: WordHost | null;
  /** Office's display language (the browser's outside Office): the language before the pane says otherwise. */
  hostTag: string;
  view: View;
}

export interface BootChoice {
  /** A demo person just chosen. */
  email?: string;
  /** Ask which demo person to be, even when this browser remembers one. */
  choosePerson?: boolean;
}

export interface BootDependencies {
  office: Promise<WordHost | null>;
  browserLanguage: string;
}

export async function boot(deps: BootDependencies, choice: BootChoice = {}): Promise<BootState> {
  // Everything that does not depend on an earlier answer starts now, in parallel.
  const configRequest = fetchConfig();
  configRequest.catch(() => undefined);
  const prefetch = prefetchDemoSignIn(choice.email);
  const host = await deps.office;
  const hostTag = host?.displayLanguage ?? deps.browserLanguage;
  const state = (view: View): BootState => ({ host, hostTag, view });
  if (!host) {
    return state({ kind: "outsideWord" });
  }
  if (!host.canReadMeeting) {
    return state({ kind: "tooOld" });
  }

  let demo = false;
  try {
    const xml = await host.readMeetingXml();
    const part = xml === null ? null : parseMeetingPart(xml);
    if (!part) {
      return state({ kind: "notOneOnOne" });
    }

    const config = await configRequest;
    demo = config.authenticationMode === "Development";
    if (choice.choosePerson && demo) {
      return state({ kind: "chooseDemoPerson", people: await prefetch.people() });
    }
    // Word does not say who its user is: the demo person comes from this browser's last choice, or is asked for.
    const signedIn = await signIn(config, prefetch, { hostUser: null, fallbackToFirstPerson: false });
    if (signedIn.kind === "choose") {
      return state({ kind: "chooseDemoPerson", people: signedIn.people });
    }
    let language = hostTag;
    const api = createApi({ token: signedIn.token, language: () => language });
    const pane = await api.get<PaneData>(`/api/meetings/${part.meetingId}/pane`);
    language = pane.language;
    const session: WordSession = {
      host,
      api,
      demo: signedIn.demo ? { email: signedIn.demo.email, name: signedIn.name } : null,
      setLanguage: (value) => (language = value),
    };
    return state({ kind: "ready", session, part, pane });
  } catch (error) {
    return state({ kind: "failed", error, demo });
  }
}
