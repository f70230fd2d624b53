/// <reference types="vitest/config" />
import { resolve } from "node:path";
import { build, defineConfig, type Plugin, type Rolldown } from "vite";
import react from "@vitejs/plugin-react";

// The backend serves the built panes from its own origin (same origin as the API), so they are built
// straight into its static folder; the folder is generated and ignored by git.
const outDir = resolve(import.meta.dirname, "../backend/OneOnOne.Api/wwwroot/addin");

/**
 * Builds each page's early script (`earlyScripts` names it) on its own and writes it into the page as an inline
 * script, so it runs while the page is parsed instead of after a round trip for a module. The backend allows exactly
 * that script by its hash (AddInSetup.ContentSecurityPolicy). `vite dev` leaves it out; the entry then does its work.
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
        return [{ tag: "script", children: code, injectTo: "body-prepend" as const }];
      },
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
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
