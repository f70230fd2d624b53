// Time from navigation to the agenda on screen, in headless Chromium against a running backend, beside a static page
// with the same text served by the same server. Median of N runs each (default 20), alternating, each in a fresh
// browser context (empty cache and storage, like a first open). office.js is unreachable, as in a plain browser
// without Microsoft's CDN, so the pane shows its preview.
//
// Two moments of the pane: the agenda visible (the early script's first view, before React), and interactive
// (React's pane has replaced it: #root gets data-interactive). Both are compared with the static page's agenda.
//
//   dotnet run --project backend/OneOnOne.Api --urls http://127.0.0.1:5180 &
//   npm run bench:time -- http://127.0.0.1:5180 [runs] [--warm]
//
// --warm opens each page once in one context and then times reloads: cached assets and a remembered sign-in, as when
// a person opens the pane again.
import { writeFileSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { chromium } from "playwright-core";

const base = (process.argv[2] ?? "http://127.0.0.1:5180").replace(/\/$/, "");
const runs = Number(process.argv[3] ?? 20);
const warm = process.argv.includes("--warm");
const staticFile = resolve(import.meta.dirname, "../../backend/OneOnOne.Api/wwwroot/addin/bench-static.html");

// Records when the agenda first exists in the page, when the browser drew the frame that shows it, and when React's
// interactive agenda exists, each from the navigation's start (performance's time origin). The frame's time comes from
// the Element Timing API: the agenda's first text is marked as soon as it is inserted, before any frame can show it,
// and the browser reports when that text was first presented. Should the agenda be replaced before it was ever drawn
// (React mounting within the same frame), its replacement is marked. (Until this change the benchmark took the first
// task after the next animation frame, which also counted whatever the page ran right after that frame.)
const observe = () => {
  new PerformanceObserver((list) => {
    const entry = list.getEntries().find((e) => e.identifier === "agenda");
    if (entry && !window.__agendaPaintedAt) window.__agendaPaintedAt = entry.renderTime || entry.loadTime;
  }).observe({ type: "element", buffered: true });
  let marked = null;
  const check = () => {
    const agenda = document.querySelector("[data-testid=agenda]");
    if (agenda) {
      window.__agendaAt ??= performance.now();
      if (!window.__agendaPaintedAt && !marked?.isConnected && !document.querySelector("[elementtiming=agenda]")) {
        const text = document.createTreeWalker(agenda, NodeFilter.SHOW_TEXT, (node) => (node.data.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP)).nextNode();
        marked = text?.parentElement ?? null;
        marked?.setAttribute("elementtiming", "agenda");
      }
    }
    if (!window.__interactiveAt && document.querySelector("[data-interactive] [data-testid=agenda]")) window.__interactiveAt = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-interactive"] });
  document.addEventListener("DOMContentLoaded", check);
};

const browser = await chromium.launch({
  executablePath: process.env.ONEONONE_CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

let shared = null;

async function newContext() {
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 400, height: 900 } });
  await context.addInitScript(observe);
  await context.route("https://appsforoffice.microsoft.com/**", (route) => route.abort());
  return context;
}

// The static page has no interactive moment: it is done when its agenda is there.
const done = (interactive) =>
  interactive ? () => window.__agendaPaintedAt && window.__interactiveAt : () => window.__agendaPaintedAt;

async function measure(url, interactive) {
  const read = (page) => page.evaluate(() => ({ at: window.__agendaAt, paintedAt: window.__agendaPaintedAt, interactiveAt: window.__interactiveAt }));
  if (warm) {
    shared ??= await newContext();
    const page = await shared.newPage();
    await page.goto(url);
    await page.waitForFunction(done(interactive), null, { timeout: 30_000 });
    await page.reload();
    await page.waitForFunction(done(interactive), null, { timeout: 30_000 });
    const times = await read(page);
    await page.close();
    return times;
  }
  const context = await newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(done(interactive), null, { timeout: 30_000 });
  const times = await read(page);
  await context.close();
  return times;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

try {
  // The static twin: the same text as the pane shows, in one page with no script.
  const { text } = await (async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${base}/taskpane.html`);
    await page.waitForFunction(done(true), null, { timeout: 30_000 });
    const main = await page.evaluate(() => document.querySelector("main")?.innerText ?? "");
    await context.close();
    return { text: main };
  })();
  const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  writeFileSync(staticFile, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>static</title></head><body><main><ol data-testid="agenda"></ol><pre elementtiming="agenda">${escaped}</pre></main></body></html>`);

  const inserted = [];
  const visible = [];
  const interactive = [];
  const stillInserted = [];
  const still = [];
  for (let i = 0; i < runs; i++) {
    const pane = await measure(`${base}/taskpane.html`, true);
    inserted.push(pane.at);
    visible.push(pane.paintedAt);
    interactive.push(pane.interactiveAt);
    const page = await measure(`${base}/bench-static.html`, false);
    stillInserted.push(page.at);
    still.push(page.paintedAt);
  }
  const s = median(still);
  const line = (label, values) => {
    const m = median(values);
    return `${label} median ${m.toFixed(0)} ms (min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)})`;
  };
  console.log(`runs: ${runs} (${warm ? "warm: reloads with cached assets and sign-in" : "cold: fresh context each run"})`);
  // Each pane run is followed by a static one: the median of those pairs' ratios is less moved by the machine's load
  // drifting during the run than the ratio of the two medians.
  const paired = median(visible.map((v, i) => v / still[i]));
  console.log(`${line("pane, agenda visible    ", visible)}  ratio ${(median(visible) / s).toFixed(2)}x, paired ${paired.toFixed(2)}x (goal at most 2x)`);
  console.log(`${line("pane, React interactive ", interactive)}  ratio ${(median(interactive) / s).toFixed(2)}x`);
  console.log(line("static page, visible    ", still));
  console.log(`${line("pane, agenda in the DOM ", inserted)}  ratio ${(median(inserted) / median(stillInserted)).toFixed(2)}x to the static page's`);
  console.log(line("static page, in the DOM ", stillInserted));
} finally {
  rmSync(staticFile, { force: true });
  await browser.close();
}
