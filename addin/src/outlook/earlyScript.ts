// The script the build inlines into taskpane.html (see early.ts): inside Office it asks for office.js and the UI code
// at once, outside it starts the preview.
import { loadOfficeJs } from "../core/officeJs";
import { plainBrowser, preloadUi, startEarly } from "./early";

try {
  if (plainBrowser(window)) {
    const early = startEarly(window);
    if (early) {
      window.oneOnOneEarly = early;
    }
  } else {
    // The entry would ask for it only once it has been fetched itself.
    window.oneOnOneOfficeJs = loadOfficeJs(document);
    preloadUi(document);
  }
} catch {
  // Blocked storage or an odd page: the entry then simply starts from the beginning.
}
