// The only module of the Word pane that talks to Office.js (Word's document). Everything else gets plain data from here.
import { officeReady } from "../core/officeJs";
import { hostColors, type HostColors, type OfficeThemeColors } from "../core/hostColors";
import { meetingNamespace, tags, type DocumentContent, type DocumentRow, type RowToTag, type TableName } from "./document";

export interface WordHost {
  displayLanguage: string | null;
  theme: HostColors | null;
  /** Custom XML parts need WordApi 1.4 (Word 2021, Microsoft 365, Word on the web); older Word cannot find the meeting. */
  canReadMeeting: boolean;
  /** The XML of the document's OneOnOne part; null when the document has none (not a OneOnOne document). */
  readMeetingXml(): Promise<string | null>;
  /** The tagged action rows and the shared notes, as the document has them now (unsaved edits included). */
  readContent(): Promise<DocumentContent>;
  /**
   * After a successful send: replaces the meeting part's XML (the new baseline) and tags each row with its action's id,
   * in one batch. A row whose tag changed since it was read (someone edited the tables meanwhile) is left alone.
   */
  recordSent(xml: string, rows: RowToTag[]): Promise<void>;
  /** Puts the text at the cursor (after the selection, which stays as it is) and moves the cursor behind it. */
  insertAtCursor(text: string): Promise<void>;
}

/** Word, or null outside it (a plain browser, another Office host, no office.js, or no answer in time). */
export async function connectToWord(timeoutMs: number): Promise<WordHost | null> {
  // Without office.js (no host, or Microsoft's CDN unreachable) there is no `Office` to compare with.
  const host = await officeReady(timeoutMs);
  return host !== null && host === Office.HostType.Word ? wordHost() : null;
}

export function wordHost(): WordHost {
  const context = Office.context;
  return {
    displayLanguage: context.displayLanguage ?? null,
    theme: readTheme(context),
    canReadMeeting: supports("1.4"),
    readMeetingXml,
    readContent,
    recordSent,
    insertAtCursor,
  };
}

function readTheme(context: Office.Context): HostColors | null {
  // officeTheme throws on a few older clients.
  try {
    return hostColors(context.officeTheme as OfficeThemeColors | undefined);
  } catch {
    return null;
  }
}

function supports(version: string): boolean {
  try {
    return Office.context.requirements.isSetSupported("WordApi", version);
  } catch {
    return false;
  }
}

export function readMeetingXml(): Promise<string | null> {
  return Word.run(async (context) => {
    const parts = context.document.customXmlParts.getByNamespace(meetingNamespace);
    parts.load("items");
    await context.sync();
    const part = parts.items[0];
    if (!part) {
      return null;
    }
    const xml = part.getXml();
    await context.sync();
    return xml.value;
  });
}

const actionTables: { name: TableName; tag: string }[] = [
  { name: "earlier", tag: tags.earlierActions },
  { name: "new", tag: tags.newActions },
];

export function readContent(): Promise<DocumentContent> {
  return Word.run(async (context) => {
    const controls = context.document.contentControls;
    const first = (tag: string) => {
      const control = controls.getByTag(tag).getFirstOrNullObject();
      control.load("tag");
      return control;
    };
    const blocks = actionTables.map((t) => ({ name: t.name, control: first(t.tag) }));
    const notes = first(tags.sharedNotes);
    await context.sync();

    // Only what exists is asked for: a call on a null object fails the whole batch.
    const found = blocks
      .filter((b) => !b.control.isNullObject)
      .map((b) => {
        const table = b.control.tables.getFirstOrNullObject();
        table.load("values,rowCount");
        return { ...b, table };
      });
    const paragraphs = notes.isNullObject ? null : notes.paragraphs;
    paragraphs?.load("items/text");
    await context.sync();

    // Each row of an existing action sits in a content control tagged with its id: the innermost control around the
    // row's first cell. The header row (0) has none.
    const withRows = found
      .filter((b) => !b.table.isNullObject)
      .map((b) => ({
        ...b,
        rowControls: b.table.values.slice(1).map((_, i) => {
          const control = b.table.getCell(i + 1, 0).body.parentContentControlOrNullObject;
          control.load("tag");
          return control;
        }),
      }));
    await context.sync();

    const rows: DocumentRow[] = withRows.flatMap((b) =>
      b.table.values.slice(1).map((cells, i) => {
        const control = b.rowControls[i];
        const tag = control && !control.isNullObject ? control.tag : null;
        return { table: b.name, number: i + 1, tag, cells };
      }),
    );
    return { rows, sharedNotes: paragraphs ? paragraphs.items.map((p) => p.text).join("\n") : null };
  });
}

export function recordSent(xml: string, rows: RowToTag[]): Promise<void> {
  return Word.run(async (context) => {
    const parts = context.document.customXmlParts.getByNamespace(meetingNamespace);
    parts.load("items");
    const tables = actionTables.map((t) => {
      const control = context.document.contentControls.getByTag(t.tag).getFirstOrNullObject();
      control.load("tag");
      return { name: t.name, control };
    });
    await context.sync();

    // Only what exists is asked for: a call on a null object fails the whole batch.
    const found = tables
      .filter((t) => !t.control.isNullObject)
      .map((t) => {
        const table = t.control.tables.getFirstOrNullObject();
        table.load("rowCount");
        return { name: t.name, table };
      });
    await context.sync();

    // The same control readContent took the row's tag from: the innermost one around the row's first cell.
    const controls = rows.flatMap(({ row, id }) => {
      const table = found.find((t) => t.name === row.table && !t.table.isNullObject && row.number < t.table.rowCount)?.table;
      if (!table) {
        return [];
      }
      const control = table.getCell(row.number, 0).body.parentContentControlOrNullObject;
      control.load("tag");
      return [{ control, before: row.tag, id }];
    });
    await context.sync();

    parts.items[0]?.setXml(xml);
    for (const { control, before, id } of controls) {
      if (!control.isNullObject && control.tag === before) {
        control.tag = tags.actionPrefix + id;
      }
    }
    await context.sync();
  });
}

export function insertAtCursor(text: string): Promise<void> {
  return Word.run(async (context) => {
    const inserted = context.document.getSelection().insertText(text, "End");
    inserted.select("End");
    await context.sync();
  });
}
