// Time to the agenda inside (a fake) Outlook: the pane opened as the manifest opens it (taskpane.html?host=outlook),
// office.js replaced by the browser tests' fake host (tests/OneOnOne.AddIn.Tests/FakeOffice/office.js) answered
// 150 ms late, as Microsoft's CDN would be, presenting Priya's read-mode invite of the demo data's next 1-on-1 with
// Sanne (its event in the demo calendar: DemoData.EventIdOf(EnglishSeriesId)). Median of N cold runs (default 10) of the agenda in the DOM and of React's interactive pane.
//
//   dotnet run --project backend/OneOnOne.Api --urls http://127.0.0.1:5180 &
//   npm run bench:office -- http://127.0.0.1:5180 [runs]
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
const fake = readFileSync(new URL("../../tests/OneOnOne.AddIn.Tests/FakeOffice/office.js", import.meta.url), "utf8");
const base = (process.argv[2] ?? "http://127.0.0.1:5180").replace(/\/$/, "");
const start = new Date(); start.setUTCHours(0,0,0,0); start.setUTCDate(start.getUTCDate() + 2); start.setUTCHours(9);
const end = new Date(start.getTime() + 30 * 60000);
const sanne = { emailAddress: "sanne.visser@demo.oneonone.test", displayName: "Sanne Visser" };
const priya = { emailAddress: "priya.raman@demo.oneonone.test", displayName: "Priya Raman" };
const config = { mode: "read", displayLanguage: "en-US", mailboxVersion: "1.13", user: priya, item: { start: start.toISOString(), end: end.toISOString(), subject: "1-on-1", organizer: sanne, requiredAttendees: [priya], optionalAttendees: [], itemId: "demo-event-6d0a1c520000400080000000000000a2", seriesId: "AAMk-series-sanne" } };
const browser = await chromium.launch({ executablePath: process.env.ONEONONE_CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const times = { agenda: [], interactive: [] };
const runs = Number(process.argv[3] ?? 10);
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ locale: "en-US" });
  await context.addInitScript(`window.__fakeOffice = ${JSON.stringify(config)};`);
  await context.addInitScript(() => new MutationObserver(() => {
    if (!window.__a && document.querySelector("[data-testid=agenda]")) window.__a = performance.now();
    if (!window.__i && document.querySelector("[data-interactive] [data-testid=agenda]")) window.__i = performance.now();
  }).observe(document, { childList: true, subtree: true, attributes: true }));
  // office.js from a CDN: about 150 ms away.
  await context.route("https://appsforoffice.microsoft.com/**", async (route) => { await new Promise((r) => setTimeout(r, 150)); await route.fulfill({ contentType: "text/javascript", body: fake }); });
  const page = await context.newPage();
  await page.goto(`${base}/taskpane.html?host=outlook`);
  await page.waitForFunction(() => window.__i, null, { timeout: 30000 });
  const t = await page.evaluate(() => [window.__a, window.__i]);
  times.agenda.push(t[0]); times.interactive.push(t[1]);
  await context.close();
}
await browser.close();
const median = (v) => { const s = [...v].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
console.log(`runs: ${runs}; agenda ${median(times.agenda).toFixed(0)} ms, interactive ${median(times.interactive).toFixed(0)} ms`);
