// The admin page (the organisation's conversation guide) is built on its own, after the panes: as a third entry of
// the panes' build it changed how their shared code is split into chunks, which made the Outlook pane's first view
// larger without adding anything to it. Its own build repeats some of Fluent UI in its chunks; a page HR opens now
// and then can afford that, the pane inside Outlook cannot.
import { resolve } from "node:path";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

export default defineConfig({
  plugins: [react()],
  base: "/",
  build: {
    outDir: resolve(import.meta.dirname, "../backend/OneOnOne.Api/wwwroot/addin"),
    // The panes' build has just filled the folder.
    emptyOutDir: false,
    target: "es2022",
    // The panes' manifest.json (read by the bundle-size benchmark and test) stays theirs.
    manifest: false,
    rollupOptions: {
      input: { admin: resolve(import.meta.dirname, "admin.html") },
    },
  },
});
