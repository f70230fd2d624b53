// The meeting-notes document's contract as the Word pane reads it (the server's side is
// backend/OneOnOne.Api/Documents/NotesDocument.cs): the custom XML part with the meeting and the baseline, the tagged
// action rows and the shared notes, turned into the body of POST /api/meetings/{id}/notes/import, and the new baseline after it. Plain data: the
// reading from and writing to Word happens in word.ts.

import type { ChangedAction } from "../core/types";

export const meetingNamespace = "urn:oneonone:meeting";
export const tags = {
  earlierActions: "oneonone:actions:earlier",
  newActions: "oneonone:actions:new",
  actionPrefix: "oneonone:action:",
  sharedNotes: "oneonone:notes:shared",
} as const;

export type ActionStatus = "Open" | "Done";

/** An action as the document showed it when it was made: cells as written, status as the API names it. */
export interface BaselineAction {
  id: string;
  text: string;
  owner: string;
  dueDate: string;
  status: ActionStatus | null;
}

export interface MeetingPart {
  meetingId: string;
  seriesId: string;
  baseUrl: string;
  sharedNotes: string;
  actions: BaselineAction[];
}

export type TableName = "earlier" | "new";

/** One table row below the header, as Word has it now; tag is the row's content control tag, if it has one. */
export interface DocumentRow {
  table: TableName;
  /** 1-based, counting the header row out: what a person calls "the second row". */
  number: number;
  tag: string | null;
  cells: string[];
}

export interface DocumentContent {
  rows: DocumentRow[];
  /** The shared notes' lines joined by new lines; null when the notes' content control is gone. */
  sharedNotes: string | null;
}

export interface ImportAction {
  id: string | null;
  text: string;
  ownerEmailOrName: string | null;
  dueDate: string | null;
  status: ActionStatus | null;
  baseline: { text: string; ownerEmailOrName: string; dueDate: string | null; status: ActionStatus | null } | null;
}

export interface NotesImportRequest {
  actions: ImportAction[];
  sharedNotes: string | null;
  sharedNotesBaseline: string;
}

export type RowProblemKind = "dueDate" | "status";

export interface RowProblem {
  table: TableName;
  number: number;
  kind: RowProblemKind;
}

/** The request, and for each of its actions the row it came from (to say where the server's problems are). */
export interface ImportPlan {
  request: NotesImportRequest;
  rows: DocumentRow[];
  problems: RowProblem[];
}

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The meeting part's XML, or null when it is not one OneOnOne wrote (another namespace, no meeting id). */
export function parseMeetingPart(xml: string): MeetingPart | null {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  const root = doc.documentElement;
  if (doc.getElementsByTagName("parsererror").length > 0 || root.namespaceURI !== meetingNamespace || root.localName !== "meeting") {
    return null;
  }
  const child = (name: string) => root.getElementsByTagNameNS(meetingNamespace, name)[0]?.textContent ?? "";
  const meetingId = child("meetingId").trim();
  if (!guid.test(meetingId)) {
    return null;
  }
  const actions = [...root.getElementsByTagNameNS(meetingNamespace, "action")].map((element) => ({
    id: element.getAttribute("id") ?? "",
    text: element.getAttribute("text") ?? "",
    owner: element.getAttribute("owner") ?? "",
    dueDate: element.getAttribute("dueDate") ?? "",
    status: statusFromApiName(element.getAttribute("status")),
  }));
  return {
    meetingId,
    seriesId: child("seriesId").trim(),
    baseUrl: child("baseUrl").trim(),
    sharedNotes: child("sharedNotes"),
    actions: actions.filter((a) => guid.test(a.id)),
  };
}

function statusFromApiName(value: string | null): ActionStatus | null {
  return value === "Open" || value === "Done" ? value : null;
}

// The status words of both languages (DocumentTexts.StatusOpen/StatusDone), so a document made in one language can be
// edited by someone reading the other.
const statusWords: Record<string, ActionStatus> = { open: "Open", openstaand: "Open", done: "Done", afgerond: "Done" };

/** "Done", "afgerond " → Done; "" → null (unchanged, or Open for a new row); anything else → undefined (a problem). */
export function parseStatus(cell: string): ActionStatus | null | undefined {
  const word = clean(cell).toLowerCase();
  return word === "" ? null : statusWords[word];
}

/**
 * A due date as the document asks for it (yyyy-mm-dd), with a little leniency for how people type dates here
 * (d-m-yyyy or d/m/yyyy, day first as in Dutch and British English); "" → null; anything else → undefined.
 */
export function parseDueDate(cell: string): string | null | undefined {
  const text = clean(cell);
  if (text === "") {
    return null;
  }
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const dayFirst = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : dayFirst ? [dayFirst[3], dayFirst[2], dayFirst[1]] : [];
  if (!year || !month || !day) {
    return undefined;
  }
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const valid = date.getUTCFullYear() === Number(year) && date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
  return valid ? date.toISOString().slice(0, 10) : undefined;
}

/** Word ends cells and paragraphs with marks and may keep non-breaking spaces: compare text as a person reads it. */
function clean(text: string): string {
  return text.replace(/[\r\u0007]/g, "").replace(/\u00a0/g, " ").trim();
}

/** The id in a row's tag, when the row is an existing action's. */
function idFromTag(tag: string | null): string | null {
  const id = tag?.startsWith(tags.actionPrefix) ? tag.slice(tags.actionPrefix.length) : "";
  return guid.test(id) ? id.toLowerCase() : null;
}

/**
 * The import request for what the document holds now. Rows without an action's tag are new, except where Word lost the
 * row's tag but the text is still an action of the baseline: that is the action (never a copy of it). Blank rows are
 * skipped; cells that cannot be read are reported, not guessed.
 */
export function planImport(part: MeetingPart, content: DocumentContent): ImportPlan {
  const baseline = new Map(part.actions.map((a) => [a.id.toLowerCase(), a]));
  const byText = new Map(part.actions.map((a) => [clean(a.text), a.id.toLowerCase()]));
  const used = new Set<string>();
  const actions: ImportAction[] = [];
  const rows: DocumentRow[] = [];
  const problems: RowProblem[] = [];

  for (const row of content.rows) {
    const [text = "", owner = "", due = "", status = ""] = row.cells.map(clean);
    if (!text && !owner && !due && !status) {
      continue;
    }
    const tagged = idFromTag(row.tag);
    const id = tagged ?? (byText.get(text) && !used.has(byText.get(text)!) ? byText.get(text)! : null);
    if (id) {
      used.add(id);
    }
    const dueDate = parseDueDate(due);
    const parsedStatus = parseStatus(status);
    if (dueDate === undefined) {
      problems.push({ table: row.table, number: row.number, kind: "dueDate" });
    }
    if (parsedStatus === undefined) {
      problems.push({ table: row.table, number: row.number, kind: "status" });
    }
    const before = id ? baseline.get(id) : undefined;
    actions.push({
      id,
      text,
      ownerEmailOrName: owner || null,
      dueDate: dueDate ?? null,
      status: parsedStatus ?? null,
      baseline: before
        ? { text: before.text, ownerEmailOrName: before.owner, dueDate: parseDueDate(before.dueDate) ?? null, status: before.status }
        : null,
    });
    rows.push(row);
  }

  return {
    request: { actions, sharedNotes: content.sharedNotes === null ? null : content.sharedNotes, sharedNotesBaseline: part.sharedNotes },
    rows,
    problems,
  };
}

/** A sent row whose own content control does not name its action yet, and that action's id. */
export interface RowToTag {
  row: DocumentRow;
  id: string;
}

/** What the document becomes after a successful send: its new baseline and the rows whose tag must name their action. */
export interface AfterSend {
  sharedNotes: string;
  actions: BaselineAction[];
  rowsToTag: RowToTag[];
}

/** The server compares new rows' text this way (NotesImporter.Normalized): spaces collapsed, case ignored. */
function normalized(text: string): string {
  return clean(text).split(/\s+/).filter(Boolean).join(" ").toUpperCase();
}

/**
 * The baseline that equals what was just sent, so a later send applies only what changes after this one. The server
 * lists created actions in the order of the rows that created them; a new row that matched an action it already had
 * (by text) created nothing, so a created action belongs to the next new row with the same text, never just the next
 * new row. Rows whose action stays unknown remain new rows, still matched by their text.
 */
export function afterSend(part: MeetingPart, plan: ImportPlan, created: ChangedAction[]): AfterSend {
  let next = 0;
  const actions: BaselineAction[] = [];
  const rowsToTag: RowToTag[] = [];
  plan.request.actions.forEach((action, i) => {
    const creator = action.id === null && created[next] && normalized(created[next]!.text) === normalized(action.text) ? created[next++] : undefined;
    const id = action.id ?? creator?.id.toLowerCase();
    if (!id) {
      return;
    }
    actions.push({
      id,
      text: action.text,
      owner: action.ownerEmailOrName ?? "",
      dueDate: action.dueDate ?? "",
      // An empty status cell leaves an existing action's status as it was and makes a new one Open.
      status: action.status ?? (creator ? "Open" : (action.baseline?.status ?? null)),
    });
    const row = plan.rows[i]!;
    // Only a row with a content control of its own can carry its id (an untagged row's nearest control is the table's).
    if (row.tag?.startsWith(tags.actionPrefix) && row.tag !== tags.actionPrefix + id) {
      rowsToTag.push({ row, id });
    }
  });
  return { sharedNotes: plan.request.sharedNotes ?? part.sharedNotes, actions, rowsToTag };
}

/** The meeting part's XML with the baseline replaced and everything else (meeting, series, address, version) kept. */
export function withBaseline(xml: string, baseline: Pick<AfterSend, "sharedNotes" | "actions">): string {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  const root = doc.documentElement;
  const element = (name: string) => {
    const found = root.getElementsByTagNameNS(meetingNamespace, name)[0];
    return found ?? root.appendChild(doc.createElementNS(meetingNamespace, name));
  };
  element("sharedNotes").textContent = baseline.sharedNotes;
  const list = element("actions");
  list.replaceChildren(
    ...baseline.actions.map((action) => {
      const item = doc.createElementNS(meetingNamespace, "action");
      item.setAttribute("id", action.id);
      item.setAttribute("text", action.text);
      item.setAttribute("owner", action.owner);
      item.setAttribute("dueDate", action.dueDate);
      if (action.status) {
        item.setAttribute("status", action.status);
      }
      return item;
    }),
  );
  return new XMLSerializer().serializeToString(doc);
}
