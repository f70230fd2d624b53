/// <reference types="vitest/config" />
import { resolve } from "node:path";
import { build, defineConfig, type Plugin, type Rolldown } from "vite";
import react from "@vitejs/plugin-react";
import { uiPreloadTemplateId } from "./src/outlook/early";

// The backend serves the built panes from its own origin (same origin as the API), so they are built
// straight into its static folder; the folder is generated and ignored by git.
const outDir = resolve(import.meta.dirname, "../backend/OneOnOne.Api/wwwroot/addin");

/**
 * Each pane's entry loads its UI chunk with import() so that its data requests start first. Preloading that chunk
 * (and its imports) lets the browser fetch it in parallel instead of only once the entry has run. `uiModules` names
 * each page's UI module; with `onlyInOffice` the links wait, inert, in a `<template id="oneonone-ui-preload">` that
 * the early script (src/outlook/earlyScript.ts) activates inside Office only: in the preview, compiling the UI beside
 * the pane's one request slowed that request down (docs/benchmarks.md).
 */
function preloadUi(uiModules: Record<string, { module: string; onlyInOffice?: boolean }>): Plugin {
  return {
    name: "oneonone-preload-ui",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(_html, context) {
        const page = uiModules[context.path.replace(/^\//, "")];
        const bundle = context.bundle ?? {};
        const chunks = Object.values(bundle).filter((c) => c.type === "chunk");
        const ui = page ? chunks.find((c) => c.facadeModuleId?.endsWith(page.module)) : undefined;
        if (!page || !ui) {
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
        const links = [...files].map((file) => ({
          tag: "link",
          attrs: { rel: "modulepreload", crossorigin: true, href: `/${file}` },
        }));
        return page.onlyInOffice
          ? [{ tag: "template", attrs: { id: uiPreloadTemplateId }, children: links, injectTo: "head" as const }]
          : links.map((link) => ({ ...link, injectTo: "head" as const }));
      },
    },
  };
}

/**
 * Builds each page's early script (`earlyScripts` names it) on its own and writes it into the page as an inline
 * script, so it runs while the page is parsed instead of after a round trip for a module. It goes after the pane's
 * root element, which it may paint into at once. The backend allows exactly that script by its hash
 * (AddInSetup.ContentSecurityPolicy). `vite dev` leaves it out; the entry then does its work.
 */
function inlineEarlyScripts(earlyScripts: Record<string, string>): Plugin {
  return {
    name: "oneonone-inline-early-scripts",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      async handler(_html, context) {
        const script = earlyScripts[context.path.replace(/^\//, "")];
        if (!script) {
          return [];
        }
        const built = (await build({
          configFile: false,
          logLevel: "warn",
          build: {
            write: false,
            target: "es2022",
            minify: true,
            lib: { entry: resolve(import.meta.dirname, script), formats: ["iife"], name: "oneOnOneEarlyScript" },
          },
        })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
        const chunk = (Array.isArray(built) ? built[0] : built)?.output[0];
        if (!chunk) {
          throw new Error(`Building ${script} gave no code.`);
        }
        const code = chunk.code.trim();
        // Nothing in the code may end the element early.
        if (/<\/script/i.test(code)) {
          throw new Error(`${script} contains "</script" and cannot be inlined.`);
        }
        return [{ tag: "script", children: code, injectTo: "body" as const }];
      },
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    preloadUi({ "taskpane.html": { module: "src/outlook/App.tsx", onlyInOffice: true }, "word.html": { module: "src/word/App.tsx" } }),
    inlineEarlyScripts({ "taskpane.html": "src/outlook/earlyScript.ts" }),
  ],
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
        // admin.html is built apart: vite.admin.config.ts.
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
