// The admin page's words, in both languages (kept apart from the panes' dictionaries so the panes do not carry them).
import type { Audience, GuideChange, Moment, Theme } from "./types";

const en = {
  title: "Conversation guide",
  intro: "The prompts, agenda templates and follow-up timing every 1-on-1 in your organisation uses. Changes apply to the panes, the notes documents and the mails right away; every version is kept and can be restored.",
  loading: "Loading the guide…",
  notAdmin: "Only people with the OneOnOne.Admin role can edit the conversation guide. Ask your IT department for the role.",
  failed: "The guide could not be loaded. Try again in a moment.",
  retry: "Try again",
  otherPerson: "Sign in as another demo person",
  builtIn: "This is the built-in guide: your organisation has not saved its own yet. Saving makes it yours.",
  version: "Version {version}, saved by {name} on {date}.",
  prompts: "Prompts",
  promptsHelp: "Shown to the manager, the report or both; in the regular rotation or at a particular moment. Every text needs Dutch and English.",
  filterTheme: "Show theme",
  allThemes: "All themes",
  prompt: "Prompt {key}",
  theme: "Theme",
  audience: "For",
  when: "When",
  every: "Every how many meetings",
  textNl: "Text (Dutch)",
  textEn: "Text (English)",
  remove: "Remove",
  addPrompt: "Add a prompt",
  templates: "Agenda templates",
  templatesHelp: "A template's standing items go on the agenda of every new meeting of a 1-on-1 that uses it. Either participant chooses the template in the pane.",
  template: "Template {key}",
  key: "Key (letters, digits, dots, dashes)",
  nameNl: "Name (Dutch)",
  nameEn: "Name (English)",
  standingItem: "Standing item {n}",
  addStandingItem: "Add a standing item",
  addTemplate: "Add a template",
  noTemplates: "No templates yet.",
  defaults: "Follow-up timing",
  reminderLead: "Reminder to prepare, hours before the meeting (1–72)",
  recapDelay: "Recap, minutes after the meeting (0–1440)",
  save: "Save the guide",
  saving: "Saving…",
  saved: "Saved as version {version}.",
  invalid: "{count} fields need attention; they are marked below.",
  conflict: "Someone else saved the guide meanwhile (version {version}). Load their version to continue; your changes here are then discarded.",
  loadTheirs: "Load their version",
  history: "History",
  historyEmpty: "No versions yet: the built-in guide is in use.",
  restore: "Restore version {version}",
  restored: "Version {version} is the guide again (saved as version {current}).",
  exportGuide: "Export as a file",
  importGuide: "Import a file",
  imported: "The file was imported as version {version}.",
  importInvalid: "The file was not imported: {count} entries need attention.",
  importUnreadable: "This file is not JSON.",
  current: "current",
  themeNames: {
    Preparation: "Preparation",
    Goals: "Clear goals",
    Listening: "Listening",
    Feedback: "Specific feedback",
    ConstructiveCriticism: "Constructive criticism",
    Relationship: "The relationship",
    Wellbeing: "Wellbeing",
    Career: "Career",
    ReviewActions: "Progress on earlier actions",
  } satisfies Record<Theme, string>,
  audienceNames: { Manager: "The manager", Report: "The report", Both: "Both" } satisfies Record<Audience, string>,
  momentNames: {
    Regular: "In the regular rotation",
    FirstMeeting: "The first meeting",
    EveryNthMeeting: "Every n-th meeting",
    OpenActions: "When actions are open",
  } satisfies Record<Moment, string>,
  change: {
    promptsAdded: "{n} prompts added",
    promptsChanged: "{n} prompts changed",
    promptsRemoved: "{n} prompts removed",
    templatesAdded: "{n} templates added",
    templatesChanged: "{n} templates changed",
    templatesRemoved: "{n} templates removed",
    defaultsChanged: "timing changed",
    restoredFrom: "restored version {n}",
    imported: "imported from a file",
    nothing: "no changes",
  },
};

type Texts = typeof en;

const nl: Texts = {
  title: "Gespreksgids",
  intro: "De vragen, agendasjablonen en de timing van de opvolgmails die elke 1-op-1 in je organisatie gebruikt. Wijzigingen gelden meteen in de taakvensters, de notitiedocumenten en de mails; elke versie blijft bewaard en kan worden teruggezet.",
  loading: "De gespreksgids wordt geladen…",
  notAdmin: "Alleen mensen met de rol OneOnOne.Admin kunnen de gespreksgids bewerken. Vraag je IT-afdeling om de rol.",
  failed: "De gespreksgids kon niet worden geladen. Probeer het zo opnieuw.",
  retry: "Opnieuw proberen",
  otherPerson: "Aanmelden als een andere demopersoon",
  builtIn: "Dit is de ingebouwde gids: je organisatie heeft nog geen eigen gids opgeslagen. Door op te slaan wordt hij van jullie.",
  version: "Versie {version}, opgeslagen door {name} op {date}.",
  prompts: "Vragen",
  promptsHelp: "Voor de leidinggevende, de medewerker of allebei; in de vaste rotatie of op een bepaald moment. Elke tekst heeft Nederlands en Engels nodig.",
  filterTheme: "Thema tonen",
  allThemes: "Alle thema's",
  prompt: "Vraag {key}",
  theme: "Thema",
  audience: "Voor",
  when: "Wanneer",
  every: "Om de hoeveel gesprekken",
  textNl: "Tekst (Nederlands)",
  textEn: "Tekst (Engels)",
  remove: "Verwijderen",
  addPrompt: "Vraag toevoegen",
  templates: "Agendasjablonen",
  templatesHelp: "De vaste punten van een sjabloon komen op de agenda van elk nieuw gesprek van een 1-op-1 die het gebruikt. Elk van beide deelnemers kiest het sjabloon in het taakvenster.",
  template: "Sjabloon {key}",
  key: "Sleutel (letters, cijfers, punten, streepjes)",
  nameNl: "Naam (Nederlands)",
  nameEn: "Naam (Engels)",
  standingItem: "Vast punt {n}",
  addStandingItem: "Vast punt toevoegen",
  addTemplate: "Sjabloon toevoegen",
  noTemplates: "Nog geen sjablonen.",
  defaults: "Timing van de opvolgmails",
  reminderLead: "Herinnering om voor te bereiden, uren voor het gesprek (1–72)",
  recapDelay: "Terugblik, minuten na het gesprek (0–1440)",
  save: "Gespreksgids opslaan",
  saving: "Bezig met opslaan…",
  saved: "Opgeslagen als versie {version}.",
  invalid: "{count} velden hebben aandacht nodig; ze zijn hieronder gemarkeerd.",
  conflict: "Iemand anders heeft de gids intussen opgeslagen (versie {version}). Laad die versie om verder te gaan; je wijzigingen hier vervallen dan.",
  loadTheirs: "Hun versie laden",
  history: "Geschiedenis",
  historyEmpty: "Nog geen versies: de ingebouwde gids is in gebruik.",
  restore: "Versie {version} terugzetten",
  restored: "Versie {version} is weer de gids (opgeslagen als versie {current}).",
  exportGuide: "Als bestand exporteren",
  importGuide: "Bestand importeren",
  imported: "Het bestand is geïmporteerd als versie {version}.",
  importInvalid: "Het bestand is niet geïmporteerd: {count} onderdelen hebben aandacht nodig.",
  importUnreadable: "Dit bestand is geen JSON.",
  current: "huidig",
  themeNames: {
    Preparation: "Voorbereiding",
    Goals: "Heldere doelen",
    Listening: "Luisteren",
    Feedback: "Concrete feedback",
    ConstructiveCriticism: "Opbouwende kritiek",
    Relationship: "De relatie",
    Wellbeing: "Welzijn",
    Career: "Loopbaan",
    ReviewActions: "Voortgang van eerdere acties",
  },
  audienceNames: { Manager: "De leidinggevende", Report: "De medewerker", Both: "Allebei" },
  momentNames: {
    Regular: "In de vaste rotatie",
    FirstMeeting: "Het eerste gesprek",
    EveryNthMeeting: "Elk n-de gesprek",
    OpenActions: "Als er acties openstaan",
  },
  change: {
    promptsAdded: "{n} vragen toegevoegd",
    promptsChanged: "{n} vragen gewijzigd",
    promptsRemoved: "{n} vragen verwijderd",
    templatesAdded: "{n} sjablonen toegevoegd",
    templatesChanged: "{n} sjablonen gewijzigd",
    templatesRemoved: "{n} sjablonen verwijderd",
    defaultsChanged: "timing gewijzigd",
    restoredFrom: "versie {n} teruggezet",
    imported: "uit een bestand geïmporteerd",
    nothing: "geen wijzigingen",
  },
};

export type AdminLanguage = "en" | "nl";

export function textsFor(language: string): Texts {
  return language === "nl" ? nl : en;
}

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

/** What a version changed, in words. */
export function describeChange(change: GuideChange, texts: Texts): string {
  const c = texts.change;
  const parts: string[] = [];
  if (change.restoredFrom) parts.push(fill(c.restoredFrom, { n: change.restoredFrom }));
  if (change.imported) parts.push(c.imported);
  for (const key of ["promptsAdded", "promptsChanged", "promptsRemoved", "templatesAdded", "templatesChanged", "templatesRemoved"] as const) {
    if (change[key] > 0) parts.push(fill(c[key], { n: change[key] }));
  }
  if (change.defaultsChanged) parts.push(c.defaultsChanged);
  return parts.length > 0 ? parts.join(", ") : c.nothing;
}
