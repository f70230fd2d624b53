// How a pane signs in, the same for Outlook and Word: Entra ID through Nested App Authentication, or in Development
// mode a demo person (the one just chosen, the host's own user where the host says who that is, the one this
// browser chose last time, and in the preview the first demo person).
import { ApiError } from "./api";
import { devToken, devTokenSource, entraTokenSource, fetchDemoPeople, rememberDemoPerson, rememberedDemoPerson, type TokenSource } from "./auth";
import type { ClientConfig, DemoPerson, DevToken } from "./types";

export interface DemoPrefetch {
  /** The demo people, asked for on first use only: the first view never needs them, only choosing someone does. */
  people: () => Promise<DemoPerson[]>;
  /** A token for the person chosen now or last time in this browser, asked for before the mode is even known. */
  first: { email: string; token: Promise<DevToken>; chosen: boolean } | null;
  /** Nobody chosen or remembered: the first demo person's token, which the preview falls back to. */
  firstPerson: Promise<DevToken> | null;
}

/**
 * Starts the Development mode's requests at once, in parallel with everything else the pane asks for.
 * `guessFirstPerson`: a pane that may fall back to the first demo person asks for that token too when nobody is
 * chosen or remembered (a cheap, anonymous request, unused inside Office or in Entra ID mode).
 */
export function prefetchDemoSignIn(chosen: string | undefined, guessFirstPerson = false): DemoPrefetch {
  let list: Promise<DemoPerson[]> | null = null;
  const people = () => (list ??= fetchDemoPeople().catch(() => []));
  const email = chosen ?? rememberedDemoPerson();
  const first = email ? { email, token: devToken(email), chosen: chosen !== undefined } : null;
  first?.token.catch(() => undefined);
  const firstPerson = !email && guessFirstPerson ? devToken(null) : null;
  firstPerson?.catch(() => undefined);
  return { people, first, firstPerson };
}

export type SignIn =
  /** `demo.people` is for switching person later, asked for on first use. */
  | { kind: "token"; token: TokenSource; demo: { email: string; people: () => Promise<DemoPerson[]> } | null; name: string }
  | { kind: "choose"; people: DemoPerson[] };

export interface SignInHints {
  /** The host's own user (Outlook's mailbox); null where the host does not say (Word). */
  hostUser: string | null;
  /** The preview outside Office shows the first demo person's data without asking; inside Office the person chooses. */
  fallbackToFirstPerson: boolean;
}

export async function signIn(config: ClientConfig, prefetch: DemoPrefetch, hints: SignInHints): Promise<SignIn> {
  if (config.authenticationMode === "EntraId") {
    return { kind: "token", token: await entraTokenSource(config), demo: null, name: "" };
  }

  // Someone just chosen comes first; then the host's own user; then the choice from last time.
  const { hostUser } = hints;
  const tries: (() => Promise<DevToken>)[] = [];
  const first = prefetch.first;
  if (first) {
    tries.push(() => first.token);
  }
  if (hostUser && first?.email.toLowerCase() !== hostUser.toLowerCase()) {
    tries.splice(first?.chosen ? 1 : 0, 0, () => devToken(hostUser));
  }
  if (hints.fallbackToFirstPerson) {
    tries.push(() => prefetch.firstPerson ?? devToken(null));
  }

  for (const attempt of tries) {
    try {
      const token = await attempt();
      rememberDemoPerson(token.email);
      return { kind: "token", token: devTokenSource(token), demo: { email: token.email, people: prefetch.people }, name: token.displayName };
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) {
        throw error;
      }
    }
  }
  return { kind: "choose", people: await prefetch.people() };
}
