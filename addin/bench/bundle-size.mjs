// Initial JS+CSS of the Outlook pane, gzipped, excluding office.js (Microsoft's CDN): the early script inlined in the
// page, the entry, the pane's UI chunk and everything they import statically. Lazy chunks (the part below the first
// screen, MSAL, the demo picker) are listed apart. Run after a build: `npm run build && npm run bench:size`.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";

const built = resolve(import.meta.dirname, "../../backend/OneOnOne.Api/wwwroot/addin");
const manifest = JSON.parse(readFileSync(resolve(built, ".vite/manifest.json"), "utf8"));
const initial = new Set();

function walk(key) {
  const chunk = manifest[key];
  if (initial.has(chunk.file)) return;
  initial.add(chunk.file);
  for (const css of chunk.css ?? []) initial.add(css);
  for (const imported of chunk.imports ?? []) walk(imported);
}
walk("taskpane.html");
walk("src/outlook/App.tsx");

const size = (file) => gzipSync(readFileSync(resolve(built, file)), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const page = readFileSync(resolve(built, "taskpane.html"), "utf8");
const inline = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]).join("");
let total = gzipSync(inline, { level: 9 }).length;
console.log("Initial (first view):");
console.log(`  ${"taskpane.html, inline script".padEnd(40)} ${kb(total)}`);
for (const file of initial) {
  const bytes = size(file);
  total += bytes;
  console.log(`  ${file.padEnd(40)} ${kb(bytes)}`);
}
console.log(`  ${"total".padEnd(40)} ${kb(total)}  (budget 150 KB)`);
console.log("Lazy (loaded after the first view or only when needed):");
for (const chunk of Object.values(manifest)) {
  if (!initial.has(chunk.file) && chunk.file.endsWith(".js")) console.log(`  ${chunk.file.padEnd(40)} ${kb(size(chunk.file))}`);
}
process.exitCode = total <= 150 * 1024 ? 0 : 1;
