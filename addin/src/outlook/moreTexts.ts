// Words of the pane's lower part that only its later chunk needs (your settings, an action's history): kept out of the
// dictionaries the first view loads. Both languages, the same keys (the compiler checks it).

const en = {
  settingsTitle: "You and OneOnOne",
  language: "Language of OneOnOne",
  languageOffice: "As Office",
  languageNl: "Nederlands",
  languageEn: "English",
  mailTitle: "E-mails",
  mailRecaps: "A recap after each 1-on-1",
  mailReminders: "A reminder to prepare before each 1-on-1",
  mailDigests: "A weekly list of my overdue actions",
  saved: "Saved.",
  exportData: "Download my data",
  exportHelp: "Everything OneOnOne holds about you, as a JSON file.",
  eraseData: "Erase my data…",
  eraseTitle: "Erase your data?",
  eraseHelp:
    "Your private notes are deleted. What you share with the other person (agenda, actions, shared notes) stays for them, without your name or address. This cannot be undone.",
  eraseConfirm: "Erase my data",
  cancel: "Cancel",
  seriesTitle: "This 1-on-1",
  roles: "{manager} is the manager, {report} the report.",
  swapRoles: "Swap roles",
  templateChoose: "Agenda template: standing items for the next meetings",
  templateNoneOption: "No template",
  templateNone: "Choose one of your organisation's templates: its standing items go on the agenda of every new meeting.",
  templateStanding: "On every new meeting: {items}",
  historyTitle: "History",
  historyAdded: "{name} added it",
  historyDeleted: "{name} deleted it",
  historyChanged: "{name} changed {fields}",
  historySomeone: "Someone",
  fieldText: "the text ({old} → {new})",
  fieldOwner: "the owner",
  fieldDueDate: "the due date ({old} → {new})",
  fieldStatus: "the status ({old} → {new})",
  none: "none",
  statusOpen: "open",
  statusDone: "done",
};

const nl: typeof en = {
  settingsTitle: "Jij en OneOnOne",
  language: "Taal van OneOnOne",
  languageOffice: "Zoals Office",
  languageNl: "Nederlands",
  languageEn: "English",
  mailTitle: "E-mails",
  mailRecaps: "Een terugblik na elke 1-op-1",
  mailReminders: "Een herinnering om je voor te bereiden voor elke 1-op-1",
  mailDigests: "Wekelijks een lijst van mijn acties die te laat zijn",
  saved: "Opgeslagen.",
  exportData: "Mijn gegevens downloaden",
  exportHelp: "Alles wat OneOnOne over jou bewaart, als JSON-bestand.",
  eraseData: "Mijn gegevens wissen…",
  eraseTitle: "Je gegevens wissen?",
  eraseHelp:
    "Je privénotities worden verwijderd. Wat je met de ander deelt (agenda, acties, gedeelde notities) blijft voor die ander bestaan, zonder je naam of adres. Dit kan niet ongedaan worden gemaakt.",
  eraseConfirm: "Mijn gegevens wissen",
  cancel: "Annuleren",
  seriesTitle: "Deze 1-op-1",
  roles: "{manager} is de leidinggevende, {report} de medewerker.",
  swapRoles: "Rollen omdraaien",
  templateChoose: "Agendasjabloon: vaste punten voor de volgende gesprekken",
  templateNoneOption: "Geen sjabloon",
  templateNone: "Kies een van de sjablonen van je organisatie: de vaste punten komen op de agenda van elk nieuw gesprek.",
  templateStanding: "Bij elk nieuw gesprek: {items}",
  historyTitle: "Geschiedenis",
  historyAdded: "{name} heeft het toegevoegd",
  historyDeleted: "{name} heeft het verwijderd",
  historyChanged: "{name} heeft {fields} gewijzigd",
  historySomeone: "Iemand",
  fieldText: "de tekst ({old} → {new})",
  fieldOwner: "de eigenaar",
  fieldDueDate: "de einddatum ({old} → {new})",
  fieldStatus: "de status ({old} → {new})",
  none: "geen",
  statusOpen: "open",
  statusDone: "klaar",
};

export type MoreTexts = typeof en;

export function moreTexts(language: string): MoreTexts {
  return language === "nl" ? nl : en;
}

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}
