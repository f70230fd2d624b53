/// <reference types="vitest/config" />
import { resolve } from "node:path";
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";

// The backend serves the built panes from its own origin (same origin as the API), so they are built
// straight into its static folder; the folder is generated and ignored by git.
const outDir = resolve(import.meta.dirname, "../backend/OneOnOne.Api/wwwroot/addin");

/**
 * Each pane's entry loads its UI chunk with import() so that its data requests start first; this makes the browser
 * fetch that chunk (and its imports) in parallel with the entry too, instead of only once the entry has run.
 * `uiModules` names each page's UI module.
 */
function preloadFirstView(uiModules: Record<string, string>): Plugin {
  return {
    name: "oneonone-preload-first-view",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(_html, context) {
        const uiModule = uiModules[context.path.replace(/^\//, "")];
        const bundle = context.bundle ?? {};
        const chunks = Object.values(bundle).filter((c) => c.type === "chunk");
        const ui = uiModule ? chunks.find((c) => c.facadeModuleId?.endsWith(uiModule)) : undefined;
        if (!uiModule || !ui) {
          return [];
        }
        const files = new Set<string>();
        const visit = (file: string) => {
          const chunk = chunks.find((c) => c.fileName === file);
          if (chunk && !files.has(file)) {
            files.add(file);
            chunk.imports.forEach(visit);
          }
        };
        visit(ui.fileName);
        return [...files].map((file) => ({
          tag: "link",
          attrs: { rel: "modulepreload", crossorigin: true, href: `/${file}` },
          injectTo: "head" as const,
        }));
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), preloadFirstView({ "taskpane.html": "src/outlook/App.tsx", "word.html": "src/word/App.tsx" })],
  base: "/",
  build: {
    outDir,
    emptyOutDir: true,
    target: "es2022",
    // The manifest lets the bundle-size benchmark and test walk what the first view loads.
    manifest: true,
    rollupOptions: {
      input: {
        taskpane: resolve(import.meta.dirname, "taskpane.html"),
        word: resolve(import.meta.dirname, "word.html"),
      },
    },
  },
  server: {
    // `npm run dev` with the backend on its usual port: the API stays same-origin through the proxy.
    proxy: { "/api": "http://localhost:5080", "/dev": "http://localhost:5080" },
  },
  test: {
    environment: "jsdom",
    include: ["tests/unit/**/*.test.{ts,tsx}"],
  },
});
