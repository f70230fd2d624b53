// Entry of the admin page: the organisation's conversation guide, for people with the OneOnOne.Admin app role. A
// page of its own in a browser (not a task pane), built beside the panes and served by the backend.
import { createRoot } from "react-dom/client";
import { AdminApp } from "./App";

createRoot(document.getElementById("root")!).render(<AdminApp />);
