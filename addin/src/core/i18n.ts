// The panes speak Dutch and English. The language comes from Office's display language (the browser's outside
// Office), unless the person chose one in OneOnOne: the backend answers that choice with the pane's data.
import { en, type MessageKey } from "./messages/en";
import { nl } from "./messages/nl";

export type Language = "en" | "nl";
export type { MessageKey };

const dictionaries: Record<Language, Record<MessageKey, string>> = { en, nl };

/** "nl-NL", "nl", "NL_be" → nl; anything else → en. */
export function pickLanguage(tag: string | null | undefined): Language {
  return tag?.trim().toLowerCase().split(/[-_]/)[0] === "nl" ? "nl" : "en";
}

/** The culture used for dates: the host's own when it speaks the same language, so en-US keeps its date order. */
export function localeFor(language: Language, hostTag: string | null | undefined): string {
  return hostTag && pickLanguage(hostTag) === language ? hostTag : language === "nl" ? "nl-NL" : "en-GB";
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** A text with its {placeholders} filled in; a placeholder without a value stays as it is. */
export function fill(template: string, values?: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (values && name in values ? String(values[name]) : match));
}

export function translator(language: Language): Translate {
  const dictionary = dictionaries[language];
  return (key, values) => fill(dictionary[key], values);
}
