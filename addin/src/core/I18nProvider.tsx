import { createContext, useContext, useEffect, useMemo, type ReactNode } from "react";
import { localeFor, pickLanguage, translator, type Language, type Translate } from "./i18n";

export interface I18n {
  language: Language;
  locale: string;
  t: Translate;
}

const I18nContext = createContext<I18n>({ language: "en", locale: "en-GB", t: translator("en") });

export function I18nProvider({ language, hostTag, children }: { language: string; hostTag: string; children: ReactNode }) {
  const value = useMemo(() => {
    const picked = pickLanguage(language);
    return { language: picked, locale: localeFor(picked, hostTag), t: translator(picked) };
  }, [language, hostTag]);
  // Screen readers pick their voice from the page's language.
  useEffect(() => {
    document.documentElement.setAttribute("lang", value.language);
  }, [value.language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = () => useContext(I18nContext);
