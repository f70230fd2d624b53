// Loading office.js, for both panes. Which host answered, and everything read from it, is the business of each
// host's own module (src/outlook/office.ts, src/word/word.ts); this only gets Office to the point of saying so.

/** Microsoft's CDN: add-ins must load office.js from there. Tests route this address to a fake Office host. */
export const officeJsUrl = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

declare global {
  interface Window {
    /** office.js, already asked for by the page's early script (src/outlook/early.ts): whether it loaded. */
    oneOnOneOfficeJs?: Promise<boolean>;
  }
}

/** Adds office.js to the page; resolves whether it loaded. */
export function loadOfficeJs(doc: Document): Promise<boolean> {
  const script = doc.createElement("script");
  script.src = officeJsUrl;
  const loaded = new Promise<boolean>((resolve) => {
    script.addEventListener("load", () => resolve(true));
    script.addEventListener("error", () => resolve(false));
  });
  doc.head.appendChild(script);
  return loaded;
}

/**
 * Loads office.js (unless the page's early script already asked for it) and waits for Office.onReady. Resolves the
 * host type, or null outside Office (a plain browser), when the script failed to load, or when nothing happened
 * within the time limit, so the pane can fall back. The script is added by code rather than by the page's markup so
 * that its failure cannot go unnoticed.
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
    void (window.oneOnOneOfficeJs ?? loadOfficeJs(document)).then((loaded) =>
      loaded && typeof Office !== "undefined" ? ready() : done(null),
    );
  });
}
