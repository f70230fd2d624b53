// Entry of the Word pane. Kept small and free of React: it starts office.js, the document's meeting and every data
// request first, then loads the UI code in parallel, so the data is (nearly) there when the UI can show it.
import { pickLanguage, translator } from "../core/i18n";
import { boot, type BootDependencies } from "./boot";
import { connectToWord } from "./word";

// office.js normally answers within a second; a browser that cannot reach Microsoft's CDN is not inside Word.
const officeTimeoutMs = 3000;

const root = document.getElementById("root")!;
const deps: BootDependencies = { office: connectToWord(officeTimeoutMs), browserLanguage: navigator.language };
const first = boot(deps);

const language = pickLanguage(navigator.language);
document.documentElement.lang = language;
root.setAttribute("aria-busy", "true");
root.textContent = translator(language)("loading");

import("./App")
  .then(({ mount }) => mount(root, deps, first))
  .catch(() => {
    // The UI code itself did not load (the server went away, say): say so instead of a blank pane.
    const t = translator(pickLanguage(navigator.language));
    root.removeAttribute("aria-busy");
    root.textContent = `${t("errorTitle")}. ${t("errorNetwork")}`;
  });
