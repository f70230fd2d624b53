// The preview's head start. The build inlines this script at the end of taskpane.html's body (vite.config.ts,
// inlineEarlyScripts), so it runs while the page is still being parsed: before the entry module and the UI code have
// even been fetched. In Development mode outside Office the server writes the first demo person's token and the pane of
// their next meeting into the page (AddInSetup, PreviewPane.cs), and this script paints that first view
// (firstPaint.ts) at once. Signed in as someone else, it asks for their pane with their token instead and paints the
// answer. The entry (boot.ts) then takes the token and the pane's data from `window.oneOnOneEarly` instead of asking.
//
// Inside Office the pane's meeting comes from the item Office.js presents, so the preview is not started there (the
// early script asks for office.js and the UI code instead, earlyScript.ts); a page that may be inside Office is
// treated as inside. Anything unexpected here only means the entry does the work itself.
import { keptDevToken, rememberedDemoPerson } from "../core/auth";
import { formatDay, formatMeetingTime } from "../core/format";
import { localeFor, pickLanguage } from "../core/i18n";
import type { ClientConfig, DevToken, PaneData } from "../core/types";
import { paintFirstView } from "./firstPaint";

export interface EarlyStart {
  /** Whom the pane is asked for: the demo person this browser signed in as last time, else the first one. */
  token: DevToken;
  /** The pane of that person's next meeting; null when the answer was anything but a pane (the entry asks again). */
  pane: Promise<PaneData | null>;
  /** The entry takes over the page: no early paint after this. Says whether the first view was painted already. */
  dismiss(): boolean;
}

declare global {
  interface Window {
    oneOnOneEarly?: EarlyStart;
  }
}

/** The build puts the UI code's preloads in this template (vite.config.ts); they are for inside Office only. */
export const uiPreloadTemplateId = "oneonone-ui-preload";

/** Inside Office: the UI code is fetched while office.js, the sign-in and the item are being waited for. */
export function preloadUi(doc: Document): void {
  const template = doc.getElementById(uiPreloadTemplateId);
  if (template instanceof HTMLTemplateElement) {
    doc.head.append(template.content.cloneNode(true));
  }
}

/**
 * The query parameter the add-in manifests put on the pane's address: the page was opened by an Office host (the
 * server reads the same, AddInSetup.OfficeLaunchParameter).
 */
export const officeLaunchParameter = "host";

/**
 * True when nothing says the page runs inside Office: opened without the manifest's marker or Office's own
 * `_host_Info`, not framed (Office on the web frames panes), and without the desktop hosts' web view bridges.
 */
export function plainBrowser(win: Window): boolean {
  const search = new URLSearchParams(win.location.search);
  if (search.has(officeLaunchParameter) || search.has("_host_Info")) {
    return false;
  }
  const bridges = win as unknown as { chrome?: { webview?: unknown }; webkit?: { messageHandlers?: unknown } };
  if (bridges.chrome?.webview || bridges.webkit?.messageHandlers) {
    return false;
  }
  try {
    return win.top === win;
  } catch {
    // A cross-origin parent: framed, so possibly Office on the web.
    return false;
  }
}

/**
 * The token the entry would sign in with in the preview (signIn.ts): the remembered demo person's, kept for the
 * tab's session; else, when nobody is remembered, the first demo person's from the page. Null when only a request
 * could tell (a remembered person without a kept token).
 */
export function previewToken(config: ClientConfig): DevToken | null {
  const remembered = rememberedDemoPerson();
  return remembered ? keptDevToken(remembered) : (config.previewSignIn ?? null);
}

/** The preview's head start in a plain browser tab (see plainBrowser); null when it does not apply. */
export function startEarly(win: Window): EarlyStart | null {
  const configText = win.document.getElementById("oneonone-config")?.textContent;
  if (!configText || !plainBrowser(win)) {
    return null;
  }
  const config = JSON.parse(configText) as ClientConfig;
  if (config.authenticationMode !== "Development" || !config.previewSignIn) {
    return null;
  }
  const token = previewToken(config);
  if (!token) {
    return null;
  }

  const language = win.navigator.language;
  win.document.documentElement.lang = pickLanguage(language);
  let dismissed = false;
  let painted = false;
  const paint = (data: PaneData | null) => {
    const root = win.document.getElementById("root");
    if (data && root && !dismissed) {
      paintFirstView(root, data, { hostTag: language, preview: true });
      painted = true;
    }
  };

  let pane: Promise<PaneData | null>;
  const inPage = token.email === config.previewSignIn.email ? panePreviewIn(win.document) : null;
  if (inPage) {
    pane = Promise.resolve(inPage);
    paint(inPage);
  } else {
    pane = fetch("/api/meetings/next/pane", {
      headers: { Authorization: `Bearer ${token.accessToken}`, "Accept-Language": language },
    })
      .then((response) => (response.ok ? (response.json() as Promise<PaneData>) : null))
      .catch(() => null);
    // While the answer is on its way: a page's first date formatter loads the locale's data, which takes milliseconds
    // that would otherwise come after the answer.
    const now = new Date().toISOString();
    const locale = localeFor(pickLanguage(language), language);
    formatMeetingTime(now, now, locale);
    formatDay(now, locale);
    void pane.then(paint);
  }
  return {
    token,
    pane,
    dismiss: () => {
      dismissed = true;
      return painted;
    },
  };
}

/** The element the server writes the preview person's pane into (PreviewPane.cs). */
export const previewPaneElementId = "oneonone-preview-pane";

/** The pane the server wrote into the page for the first demo person; null when it wrote none. */
function panePreviewIn(doc: Document): PaneData | null {
  const text = doc.getElementById(previewPaneElementId)?.textContent;
  return text ? (JSON.parse(text) as PaneData) : null;
}
