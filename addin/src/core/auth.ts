// Sign-in. The backend says how (GET /api/config): Entra ID through Nested App Authentication (MSAL, loaded only
// then), or the Development mode's demo people (POST /dev/token).
import { ApiError, readJson, request } from "./api";
import { safeStorage } from "./storage";
import type { ClientConfig, DemoPerson, DevToken } from "./types";

export type TokenSource = (refresh: boolean) => Promise<string>;

/**
 * The server writes the configuration into the pane's page (backend AddInSetup.ConfigElement), which saves a request
 * before signing in; `vite dev` serves the page without it, so then it is asked for.
 */
export async function fetchConfig(): Promise<ClientConfig> {
  const inPage = document.getElementById("oneonone-config")?.textContent;
  if (inPage) {
    return JSON.parse(inPage) as ClientConfig;
  }
  return readJson<ClientConfig>(await request("/api/config", { headers: { Accept: "application/json" } }));
}

export async function fetchDemoPeople(): Promise<DemoPerson[]> {
  return readJson<DemoPerson[]>(await request("/dev/people", {}));
}

const demoPersonKey = "oneonone.demoPerson";
const devTokenKey = "oneonone.devToken";

/** The demo person this browser chose last time, if any. */
export function rememberedDemoPerson(): string | null {
  return safeStorage(() => localStorage.getItem(demoPersonKey));
}

export function rememberDemoPerson(email: string): void {
  safeStorage(() => localStorage.setItem(demoPersonKey, email));
}

/**
 * A Development-mode token for a demo person, kept for the tab's session so a reload does not ask again; without an
 * e-mail, for the first demo person (one request instead of asking for the list first).
 * Fails with a 404 ApiError when the e-mail is not a demo person.
 */
export async function devToken(email: string | null, refresh = false): Promise<DevToken> {
  const kept = refresh || email === null ? null : keptDevToken(email);
  if (kept) {
    return kept;
  }
  const response = await request("/dev/token", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(email === null ? {} : { email }),
  });
  const token = await readJson<DevToken>(response);
  keepDevToken(token);
  return token;
}

/** The token kept for this tab's session for that person, while it has more than a minute left. */
function keptDevToken(email: string): DevToken | null {
  const kept = safeStorage(() => sessionStorage.getItem(devTokenKey));
  const token = kept ? (JSON.parse(kept) as DevToken) : null;
  return token && token.email.toLowerCase() === email.toLowerCase() && Date.parse(token.expiresAt) - Date.now() > 60_000 ? token : null;
}

/** Keeps a token for the tab's session (see devToken). */
function keepDevToken(token: DevToken): void {
  safeStorage(() => sessionStorage.setItem(devTokenKey, JSON.stringify(token)));
}

export function devTokenSource(first: DevToken): TokenSource {
  let current = first;
  return async (refresh) => {
    if (refresh || Date.parse(current.expiresAt) - Date.now() < 60_000) {
      current = await devToken(current.email, true);
    }
    return current.accessToken;
  };
}

/** Entra ID: MSAL is a large library, so it is loaded only in this mode. */
export async function entraTokenSource(config: ClientConfig): Promise<TokenSource> {
  if (!config.clientId || !config.authority || !config.apiScope) {
    throw new ApiError("http", 500, null, "The server's Entra ID configuration is incomplete.", null);
  }
  const { createNaaTokenSource } = await import("./naa");
  return createNaaTokenSource(config.clientId, config.authority, config.apiScope);
}
