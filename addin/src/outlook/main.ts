// Entry of the Outlook pane. Kept small and free of React: it starts office.js detection and every data request
// first, shows the first view with plain DOM as soon as the data is there (firstPaint.ts), and only then loads the
// UI code: fetching and compiling React and Fluent UI (most of the script) beside the data requests would slow them
// down on a busy machine (docs/benchmarks.md). In the preview the page's early script (early.ts) has usually painted
// the first view from the pane the page carries, or asked for the data, before this module even arrived.
import { translator, pickLanguage } from "../core/i18n";
import { boot, type BootDependencies } from "./boot";
import { afterNextPaint, paintFirstView } from "./firstPaint";
import { connectToOutlook } from "./office";

// office.js normally answers within a second; a browser that cannot reach Microsoft's CDN gets the preview.
const officeTimeoutMs = 3000;

const root = document.getElementById("root")!;
const deps: BootDependencies = { office: connectToOutlook(officeTimeoutMs), browserLanguage: navigator.language };
const early = window.oneOnOneEarly ?? null;
const first = boot({ ...deps, early });
// With the early script's first view on screen the UI code is what is missing: ask for it at once, not only when
// office.js has said that there is no host.
// A failure here shows below, where the UI code is imported again.
void early?.pane.then(() => import("./App")).catch(() => undefined);

root.setAttribute("aria-busy", "true");
if (!root.hasChildNodes()) {
  const language = pickLanguage(navigator.language);
  document.documentElement.lang = language;
  root.textContent = translator(language)("loading");
}

first
  .then(async (state) => {
    const earlyPainted = early?.dismiss() ?? false;
    if (state.kind === "ready" && !(state.early && earlyPainted)) {
      paintFirstView(root, state.pane, { hostTag: state.session.hostTag, preview: state.session.mode === "preview" });
      await afterNextPaint();
    }
    const { mount } = await import("./App");
    mount(root, deps, state);
  })
  .catch(() => {
    // The UI code itself did not load (the server went away, say): say so instead of a blank pane.
    const t = translator(pickLanguage(navigator.language));
    root.removeAttribute("aria-busy");
    root.textContent = `${t("errorTitle")}. ${t("errorNetwork")}`;
  });
