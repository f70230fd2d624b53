// Pane data for the unit tests: a meeting of Priya (report) with Sanne (manager).
import type { AgendaItem, PaneData } from "../../src/core/types";

const sanne = { id: "p1", displayName: "Sanne Visser", email: "sanne@demo.test", role: "Manager" as const, isMe: false };
const priya = { id: "p2", displayName: "Priya Raman", email: "priya@demo.test", role: "Report" as const, isMe: true };

export function item(text: string, extra: Partial<AgendaItem> = {}): AgendaItem {
  return {
    id: text, text, authorId: "p1", authorName: "Sanne Visser", position: 0, discussed: false,
    carriedOver: false, carriedOverFrom: null, promptKey: null, version: "v", ...extra,
  };
}

export function pane(language: string, agenda: AgendaItem[], goal: string | null = null): PaneData {
  return {
    meeting: {
      id: "m1", seriesId: "s1", start: "2030-03-04T09:00:00Z", end: "2030-03-04T09:30:00Z", subject: "1:1", goal,
      status: "Scheduled", myRole: "Report", version: "v", seriesVersion: "v", calendarState: "Active",
    },
    participants: [sanne, priya],
    previousMeeting: null,
    nextMeeting: null,
    agenda,
    openActions: [],
    closedInPreviousMeeting: [],
    newActions: [],
    prompts: [],
    notes: { shared: null, private: null },
    health: { meetingsHeld: 0, actionsTotal: 0, actionsDone: 0, actionsDoneOnTime: 0, actionsOpen: 0, actionsOverdue: 0 },
    language,
    templates: [],
    templateKey: null,
  };
}
