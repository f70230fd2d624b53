// Loading office.js, for both panes. Which host answered, and everything read from it, is the business of each
// host's own module (src/outlook/office.ts, src/word/word.ts); this only gets Office to the point of saying so.

/** Microsoft's CDN: add-ins must load office.js from there. Tests route this address to a fake Office host. */
export const officeJsUrl = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/**
 * Loads office.js and waits for Office.onReady. Resolves the host type, or null outside Office (a plain browser), when
 * the script failed to load, or when nothing happened within the time limit, so the pane can fall back. The script is
 * added from here rather than by the page so that its failure cannot go unnoticed.
 */
export function officeReady(timeoutMs: number): Promise<Office.HostType | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    const done = (host: Office.HostType | null) => {
      clearTimeout(timer);
      resolve(host);
    };
    const ready = () => {
      Office.onReady((info) => done(info.host ?? null));
    };
    if (typeof Office !== "undefined") {
      ready();
      return;
    }
    const script = document.createElement("script");
    script.src = officeJsUrl;
    script.addEventListener("load", () => (typeof Office !== "undefined" ? ready() : done(null)));
    script.addEventListener("error", () => done(null));
    document.head.appendChild(script);
  });
}
