// Shapes of the backend's JSON (see backend/OneOnOne.Api/*/…Endpoints.cs). Ids are GUID strings; instants are ISO 8601 UTC.

export type Role = "Manager" | "Report";

export interface ClientConfig {
  authenticationMode: "Development" | "EntraId";
  clientId: string | null;
  authority: string | null;
  apiScope: string | null;
  /** Notes documents can go to the caller's OneDrive (Entra ID mode, Graph there); else the panes download them. */
  oneDrive: boolean;
}

export interface DemoPerson {
  email: string;
  displayName: string;
  language: string;
}

export interface DevToken {
  accessToken: string;
  expiresAt: string;
  email: string;
  displayName: string;
}

export interface UpcomingMeeting {
  meetingId: string;
  seriesId: string;
  start: string;
  end: string;
  subject: string;
  myRole: Role;
  otherPersonId: string;
  otherPersonName: string;
}

/** POST /api/meetings/resolve: the event open in Outlook, by its REST id; the backend reads the rest from the calendar. */
export interface ResolveRequest {
  eventId: string;
}

export interface ResolveResponse {
  meetingId: string;
  seriesId: string;
  role: Role;
  created: boolean;
  nextMeetingId: string | null;
}

export interface PaneMeeting {
  id: string;
  seriesId: string;
  start: string;
  end: string;
  subject: string;
  goal: string | null;
  status: string;
  myRole: Role;
  version: string;
  seriesVersion: string;
  /** How the calendar event is followed (follow-ups go out only when Active); null for a meeting from before that. */
  calendarState: "Active" | "Paused" | "Ended" | null;
}

export interface Participant {
  id: string;
  displayName: string;
  email: string;
  role: Role;
  isMe: boolean;
}

export interface AgendaItem {
  id: string;
  text: string;
  authorId: string;
  authorName: string;
  position: number;
  discussed: boolean;
  carriedOver: boolean;
  carriedOverFrom: string | null;
  promptKey: string | null;
  version: string;
}

export interface ActionItem {
  id: string;
  text: string;
  ownerId: string;
  ownerName: string;
  dueDate: string | null;
  status: "Open" | "Done";
  overdue: boolean;
  createdInMeetingId: string;
  completedInMeetingId: string | null;
  completedAt: string | null;
  version: string;
}

export interface Prompt {
  key: string;
  theme: string;
  text: string;
}

export type NoteVisibility = "Shared" | "Private";

export interface Note {
  visibility: NoteVisibility;
  text: string;
  version: string;
  updatedAt: string;
  updatedById: string;
}

export interface SeriesHealth {
  meetingsHeld: number;
  actionsTotal: number;
  actionsDone: number;
  actionsDoneOnTime: number;
  actionsOpen: number;
  actionsOverdue: number;
}

export interface PaneData {
  meeting: PaneMeeting;
  participants: Participant[];
  previousMeeting: { id: string; start: string } | null;
  nextMeeting: { id: string; start: string } | null;
  agenda: AgendaItem[];
  openActions: ActionItem[];
  closedInPreviousMeeting: ActionItem[];
  newActions: ActionItem[];
  prompts: Prompt[];
  notes: { shared: Note | null; private: Note | null };
  health: SeriesHealth;
  language: string;
  /** The agenda templates of the organisation's guide, named in the caller's language; empty when it has none. */
  templates: PaneTemplate[];
  /** The template this series uses, if any. */
  templateKey: string | null;
}

export interface PaneTemplate {
  key: string;
  name: string;
  standingItems: string[];
}

/** An action that a document's import created or changed, with the fields that changed. */
export interface ChangedAction {
  id: string;
  text: string;
  fields: ("text" | "owner" | "dueDate" | "status")[];
}

/** What importing a document's rows and notes changed (POST /api/meetings/{id}/notes/import). */
export interface DocumentChanges {
  changed: boolean;
  summary: string;
  created: ChangedAction[];
  updated: ChangedAction[];
  sharedNotesUpdated: boolean;
}

/** POST /api/meetings/{id}/notes.docx/onedrive: where the document is in the caller's OneDrive. */
export interface OneDriveDocument {
  webUrl: string;
  path: string;
  created: boolean;
}
