// Inside Office, the page's head start. The build inlines earlyScript.ts at the end of taskpane.html's body
// (vite.config.ts, inlineEarlyScripts), so it runs while the page is still being parsed: it asks for office.js and the
// UI code at once instead of after the entry module has been fetched. Outside Office (the Development preview) it does
// nothing, and the entry starts the preview itself. A page that may be inside Office is treated as inside.

/** The build puts the UI code's preloads in this template (vite.config.ts); they are for inside Office only. */
export const uiPreloadTemplateId = "oneonone-ui-preload";

/** Inside Office: the UI code is fetched while office.js, the sign-in and the item are being waited for. */
export function preloadUi(doc: Document): void {
  const template = doc.getElementById(uiPreloadTemplateId);
  if (template instanceof HTMLTemplateElement) {
    doc.head.append(template.content.cloneNode(true));
  }
}

/** The query parameter the add-in manifests put on the pane's address: the page was opened by an Office host. */
const officeLaunchParameter = "host";

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
