// Shapes of the guide's admin API (backend/OneOnOne.Api/Guide/*.cs).

export const themes = ["Preparation", "Goals", "Listening", "Feedback", "ConstructiveCriticism", "Relationship", "Wellbeing", "Career", "ReviewActions"] as const;
export const audiences = ["Manager", "Report", "Both"] as const;
export const moments = ["Regular", "FirstMeeting", "EveryNthMeeting", "OpenActions"] as const;

export type Theme = (typeof themes)[number];
export type Audience = (typeof audiences)[number];
export type Moment = (typeof moments)[number];

export interface GuideText {
  nl: string;
  en: string;
}

export interface GuidePrompt {
  key: string;
  theme: Theme;
  for: Audience;
  when: Moment;
  text: GuideText;
  every: number | null;
}

export interface AgendaTemplate {
  key: string;
  name: GuideText;
  standingItems: GuideText[];
}

export interface Guide {
  prompts: GuidePrompt[];
  templates: AgendaTemplate[];
  defaults: { reminderLeadHours: number; recapDelayMinutes: number };
}

export interface GuideResponse {
  version: number;
  builtIn: boolean;
  guide: Guide;
  changedUtc: string | null;
  changedBy: string | null;
}

export interface GuideChange {
  promptsAdded: number;
  promptsChanged: number;
  promptsRemoved: number;
  templatesAdded: number;
  templatesChanged: number;
  templatesRemoved: number;
  defaultsChanged: boolean;
  restoredFrom: number | null;
  imported: boolean;
}

export interface GuideVersion {
  version: number;
  changedUtc: string;
  changedBy: string;
  change: GuideChange;
}

/** Validation errors by field, as the API names them ("guide.prompts[3].text.nl"). */
export type FieldErrors = Record<string, string[]>;
