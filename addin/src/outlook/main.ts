// Entry of the Outlook pane. Kept small and free of React: it starts office.js detection and every data request
// first, shows the first view with plain DOM as soon as the data is there (firstPaint.ts), and only then loads the
// UI code: fetching and compiling React and Fluent UI (most of the script) beside the data requests would slow them
// down on a busy machine (docs/benchmarks.md). Inside Office the page's early script (early.ts) has asked for office.js
// and the UI code already.
import { translator, pickLanguage } from "../core/i18n";
import { boot, type BootDependencies } from "./boot";
import { afterNextPaint, paintFirstView } from "./firstPaint";
import { connectToOutlook } from "./office";

// office.js normally answers within a second; a browser that cannot reach Microsoft's CDN gets the preview.
const officeTimeoutMs = 3000;

const root = document.getElementById("root")!;
const deps: BootDependencies = { office: connectToOutlook(officeTimeoutMs), browserLanguage: navigator.language };
const first = boot(deps);

root.setAttribute("aria-busy", "true");
const language = pickLanguage(navigator.language);
document.documentElement.lang = language;
root.textContent = translator(language)("loading");

first
  .then(async (state) => {
    if (state.kind === "ready") {
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
