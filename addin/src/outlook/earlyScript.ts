// The script the build inlines into taskpane.html (see early.ts): inside Office it asks for office.js and the UI code
// at once; outside it leaves everything to the entry.
import { loadOfficeJs } from "../core/officeJs";
import { plainBrowser, preloadUi } from "./early";

try {
  if (!plainBrowser(window)) {
    // The entry would ask for it only once it has been fetched itself.
    window.oneOnOneOfficeJs = loadOfficeJs(document);
    preloadUi(document);
  }
} catch {
  // An odd page: the entry then simply starts from the beginning.
}
