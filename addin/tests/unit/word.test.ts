// The Word module against a fake Word host (the same one the browser tests use): Word's batching rules hold there, so
// a property read before load() and sync() fails here as it would in Word.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { afterSend, parseMeetingPart, planImport, withBaseline, type DocumentContent, type MeetingPart } from "../../src/word/document";
import { insertAtCursor, readContent, readMeetingXml, recordSent, wordHost } from "../../src/word/word";

const fakeWord = readFileSync(resolve(import.meta.dirname, "../../../tests/OneOnOne.AddIn.Tests/FakeOffice/word.js"), "utf8");

const meetingId = "5f1c7a52-3b8e-4a4e-9d1c-0a9a4c2b7e10";
const earlierId = "0b8a0f7e-1111-4c6e-8a59-7d3f2e6c9a01";
const newId = "0b8a0f7e-2222-4c6e-8a59-7d3f2e6c9a02";

const meetingXml = `<?xml version="1.0" encoding="utf-8"?>
<meeting xmlns="urn:oneonone:meeting" formatVersion="1">
  <meetingId>${meetingId}</meetingId><seriesId>9d2b1f00-0000-4000-8000-000000000001</seriesId><baseUrl>https://oneonone.example.org</baseUrl>
  <sharedNotes>First line
Second line</sharedNotes>
  <actions>
    <action id="${earlierId}" text="Book the training" owner="Priya Raman" dueDate="2030-03-08" status="Open" />
    <action id="${newId}" text="Send the slides" owner="Sanne Visser" dueDate="" status="Open" />
  </actions>
</meeting>`;

const header = { tag: null, cells: ["Action", "Owner", "Due date", "Status"] };

interface FakeDocument {
  customXmlParts: { namespace: string; xml: string }[];
  controls: ({ tag: string; rows: { tag: string | null; cells: string[] }[] } | { tag: string; paragraphs: string[] })[];
}

function oneOnOneDocument(): FakeDocument {
  return {
    customXmlParts: [
      { namespace: "http://schemas.openxmlformats.org/officeDocument/2006/bibliography", xml: "<Sources/>" },
      { namespace: "urn:oneonone:meeting", xml: meetingXml },
    ],
    controls: [
      { tag: "oneonone:actions:earlier", rows: [header, { tag: `oneonone:action:${earlierId}`, cells: ["Book the training", "Priya Raman", "2030-03-08", "Done"] }] },
      { tag: "oneonone:notes:shared", paragraphs: ["First line", "Second line", "Third line"] },
      {
        tag: "oneonone:actions:new",
        rows: [
          header,
          { tag: `oneonone:action:${newId}`, cells: ["Send the slides", "Sanne Visser", "", "Open"] },
          { tag: "oneonone:action:new", cells: ["Plan the offsite", "priya.raman@demo.oneonone.test", "15-04-2030", ""] },
          { tag: null, cells: ["", "", "", ""] },
        ],
      },
    ],
  };
}

function presentInWord(document: FakeDocument | null, wordApi = "1.4") {
  const win = window as unknown as Record<string, unknown>;
  delete win.Word;
  win.__fakeWordInserted = [];
  win.__fakeWord = { displayLanguage: "nl-NL", wordApi, theme: { bodyBackgroundColor: "#1f1f1f", bodyForegroundColor: "#ffffff" }, document };
  new Function(fakeWord)();
  // Office.js puts Office and Word on the page's global object; the module reads them as globals.
  Object.assign(globalThis, { Office: win.Office, Word: win.Word });
}

describe("the fake Word host", () => {
  beforeEach(() => presentInWord(oneOnOneDocument()));

  it("refuses to give a property that was not loaded and synced, as Word does", async () => {
    await expect(
      Word.run(async (context) => {
        const control = context.document.contentControls.getByTag("oneonone:notes:shared").getFirstOrNullObject();
        control.load("tag");
        return control.tag;
      }),
    ).rejects.toThrow(/not available/);
  });

  it("changes a content control's tag and a part's XML at sync, and fails the batch for a null object's tag", async () => {
    const document = oneOnOneDocument();
    presentInWord(document);
    await Word.run(async (context) => {
      const control = context.document.contentControls.getByTag("oneonone:notes:shared").getFirstOrNullObject();
      control.tag = "changed";
      const parts = context.document.customXmlParts.getByNamespace("urn:oneonone:meeting");
      parts.load("items");
      await context.sync();
      expect(document.controls[1]!.tag).toBe("changed");
      parts.items[0]!.setXml("<meeting/>");
      expect(document.customXmlParts[1]!.xml).toBe(meetingXml);
      await context.sync();
    });
    expect(document.customXmlParts[1]!.xml).toBe("<meeting/>");
    await expect(
      Word.run(async (context) => {
        context.document.contentControls.getByTag("nothing").getFirstOrNullObject().tag = "x";
        await context.sync();
      }),
    ).rejects.toThrow(/ItemNotFound/);
  });
});

describe("the Word module", () => {
  beforeEach(() => presentInWord(oneOnOneDocument()));

  it("describes the host: language, theme, and whether it can read custom XML parts (WordApi 1.4)", () => {
    const host = wordHost();
    expect(host.displayLanguage).toBe("nl-NL");
    expect(host.theme).toEqual({ background: "#1f1f1f", foreground: "#ffffff", isDark: true });
    expect(host.canReadMeeting).toBe(true);
    presentInWord(oneOnOneDocument(), "1.3");
    expect(wordHost().canReadMeeting).toBe(false);
  });

  it("finds the meeting's part by its namespace among the document's custom XML parts", async () => {
    const xml = await readMeetingXml();
    expect(parseMeetingPart(xml!)).toMatchObject({ meetingId, baseUrl: "https://oneonone.example.org", sharedNotes: "First line\nSecond line" });
  });

  it("answers null for a document without the part", async () => {
    presentInWord({ customXmlParts: [{ namespace: "urn:other", xml: "<x/>" }], controls: [] });
    expect(await readMeetingXml()).toBeNull();
  });

  it("reads both tables' rows with their tags, below the header, and the shared notes line by line", async () => {
    const content = await readContent();
    expect(content.sharedNotes).toBe("First line\nSecond line\nThird line");
    expect(content.rows).toEqual([
      { table: "earlier", number: 1, tag: `oneonone:action:${earlierId}`, cells: ["Book the training", "Priya Raman", "2030-03-08", "Done"] },
      { table: "new", number: 1, tag: `oneonone:action:${newId}`, cells: ["Send the slides", "Sanne Visser", "", "Open"] },
      { table: "new", number: 2, tag: "oneonone:action:new", cells: ["Plan the offsite", "priya.raman@demo.oneonone.test", "15-04-2030", ""] },
      // A row without a content control of its own (Word's Tab in the last cell): the table's tag is the nearest.
      { table: "new", number: 3, tag: "oneonone:actions:new", cells: ["", "", "", ""] },
    ]);
  });

  it("reads what is there when a person deleted the earlier table and the notes", async () => {
    const document = oneOnOneDocument();
    document.controls = document.controls.filter((c) => c.tag === "oneonone:actions:new");
    presentInWord(document);
    const content = await readContent();
    expect(content.sharedNotes).toBeNull();
    expect(content.rows.map((r) => r.table)).toEqual(["new", "new", "new"]);
  });

  it("after a send, tags new rows with their new ids and makes the part's baseline what was sent", async () => {
    const createdId = "0b8a0f7e-3333-4c6e-8a59-7d3f2e6c9a03";
    const document = oneOnOneDocument();
    const fresh = document.controls[2] as { rows: { tag: string | null; cells: string[] }[] };
    // A row Word added with Tab (no control of its own) whose text the server already knew: it created nothing.
    fresh.rows[3] = { tag: null, cells: ["Send the slides again", "", "", ""] };
    presentInWord(document);
    const xml = (await readMeetingXml())!;
    const part = parseMeetingPart(xml)!;
    const plan = planImport(part, await readContent());
    const next = afterSend(part, plan, [{ id: createdId.toUpperCase(), text: "Plan  the offsite", fields: ["text", "owner", "dueDate", "status"] }]);
    await recordSent(withBaseline(xml, next), next.rowsToTag);

    const rows = (await readContent()).rows;
    expect(rows.map((r) => r.tag)).toEqual([
      `oneonone:action:${earlierId}`,
      `oneonone:action:${newId}`,
      `oneonone:action:${createdId}`,
      "oneonone:actions:new",
    ]);
    const renewedXml = (await readMeetingXml())!;
    expect(renewedXml).toContain('formatVersion="1"');
    expect(parseMeetingPart(renewedXml)).toEqual({
      meetingId,
      seriesId: "9d2b1f00-0000-4000-8000-000000000001",
      baseUrl: "https://oneonone.example.org",
      sharedNotes: "First line\nSecond line\nThird line",
      actions: [
        { id: earlierId, text: "Book the training", owner: "Priya Raman", dueDate: "2030-03-08", status: "Done" },
        { id: newId, text: "Send the slides", owner: "Sanne Visser", dueDate: "", status: "Open" },
        { id: createdId, text: "Plan the offsite", owner: "priya.raman@demo.oneonone.test", dueDate: "2030-04-15", status: "Open" },
      ],
    });

    // Sending the unchanged document again compares every known row with what was sent: nothing differs.
    const again = planImport(parseMeetingPart(renewedXml)!, await readContent()).request;
    expect(again.sharedNotes).toBe(again.sharedNotesBaseline);
    for (const action of again.actions.filter((a) => a.id)) {
      expect(action.baseline).toEqual({ text: action.text, ownerEmailOrName: action.ownerEmailOrName ?? "", dueDate: action.dueDate, status: action.status ?? "Open" });
    }
    expect(again.actions.map((a) => a.id)).toEqual([earlierId, newId, createdId, null]);
  });

  it("puts a prompt at the cursor, behind the selection, and the cursor after it", async () => {
    await insertAtCursor("What went well this month?");
    expect((window as unknown as { __fakeWordInserted: unknown[] }).__fakeWordInserted).toEqual([
      { text: "What went well this month?", location: "End", cursor: "End" },
    ]);
  });
});

describe("the import the pane sends", () => {
  const part = parseMeetingPart(meetingXml) as MeetingPart;
  const content = (rows: DocumentContent["rows"], sharedNotes: string | null = "First line\nSecond line"): DocumentContent => ({ rows, sharedNotes });

  it("sends tagged rows with their ids and baselines, new rows without, and skips blank rows", () => {
    const plan = planImport(
      part,
      content([
        { table: "earlier", number: 1, tag: `oneonone:action:${earlierId}`, cells: ["Book the training", "Priya Raman", "2030-03-08", "Afgerond"] },
        { table: "new", number: 1, tag: "oneonone:action:new", cells: ["Plan the offsite", "Priya Raman", "15-04-2030", ""] },
        { table: "new", number: 2, tag: null, cells: [" ", "", "", ""] },
      ]),
    );
    expect(plan.problems).toEqual([]);
    expect(plan.request).toEqual({
      actions: [
        {
          id: earlierId,
          text: "Book the training",
          ownerEmailOrName: "Priya Raman",
          dueDate: "2030-03-08",
          status: "Done",
          baseline: { text: "Book the training", ownerEmailOrName: "Priya Raman", dueDate: "2030-03-08", status: "Open" },
        },
        { id: null, text: "Plan the offsite", ownerEmailOrName: "Priya Raman", dueDate: "2030-04-15", status: null, baseline: null },
      ],
      sharedNotes: "First line\nSecond line",
      sharedNotesBaseline: "First line\nSecond line",
    });
  });

  it("recognises an existing action whose row lost its tag by its text, once", () => {
    const plan = planImport(
      part,
      content([
        { table: "new", number: 1, tag: "oneonone:actions:new", cells: ["Send the slides", "Sanne Visser", "", "Done"] },
        { table: "new", number: 2, tag: null, cells: ["Send the slides", "", "", ""] },
      ]),
    );
    expect(plan.request.actions.map((a) => a.id)).toEqual([newId, null]);
  });

  it("reports unreadable due dates and statuses by table and row instead of guessing", () => {
    const plan = planImport(
      part,
      content([
        { table: "new", number: 1, tag: null, cells: ["A", "", "next week", ""] },
        { table: "new", number: 2, tag: null, cells: ["B", "", "2030-02-30", "maybe"] },
      ]),
    );
    expect(plan.problems).toEqual([
      { table: "new", number: 1, kind: "dueDate" },
      { table: "new", number: 2, kind: "dueDate" },
      { table: "new", number: 2, kind: "status" },
    ]);
  });

  it("leaves the notes alone when their content control is gone", () => {
    expect(planImport(part, content([], null)).request.sharedNotes).toBeNull();
  });

  it("does not take a part of another namespace or without a meeting id for a meeting", () => {
    expect(parseMeetingPart(`<meeting xmlns="urn:other"><meetingId>${meetingId}</meetingId></meeting>`)).toBeNull();
    expect(parseMeetingPart(`<meeting xmlns="urn:oneonone:meeting"><meetingId>nope</meetingId></meeting>`)).toBeNull();
    expect(parseMeetingPart("not xml")).toBeNull();
  });
});
