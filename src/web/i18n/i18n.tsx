import { createContext, type ReactNode, useContext, useEffect, useMemo } from "react";
import type { Language } from "../../domain/i18n/index.ts";
import { en, type PublicMessageKey } from "./en.ts";
import { es } from "./es.ts";
import type { StaffMessageKey, StaffMessages } from "./staff/messages.ts";

export type { Language };
export type UiMessageKey = PublicMessageKey | StaffMessageKey;

/**
 * The messages known so far. The public ones are part of the first page; the staff ones arrive
 * with the staff shell's chunk (`addStaffMessages`), so a visitor of the help page never
 * downloads the case pages' wording.
 */
const CATALOGUES: Record<Language, Partial<Record<UiMessageKey, string>>> = {
  en: { ...en },
  es: { ...es },
};

export function addStaffMessages(messages: StaffMessages): void {
  Object.assign(CATALOGUES.en, messages.en);
  Object.assign(CATALOGUES.es, messages.es);
}

export type Translate = (key: UiMessageKey, params?: Record<string, string | number>) => string;

export interface I18n {
  lang: Language;
  setLang(lang: Language): void;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

function translator(lang: Language): Translate {
  const catalogue = CATALOGUES[lang];
  // A key with no message (a staff key before the staff chunk, an unknown id in `labelFor`)
  // gives undefined, which callers such as `labelFor` turn into the id itself.
  return (key, params) => {
    const template = catalogue[key] as string;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      params[name] === undefined ? whole : String(params[name]),
    );
  };
}

/** Provides the chosen language (held by the caller, in memory) and its messages. */
export function I18nProvider(props: {
  lang: Language;
  setLang(lang: Language): void;
  children: ReactNode;
}) {
  const { lang, setLang } = props;
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo(() => ({ lang, setLang, t: translator(lang) }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value;
}

/** The language asked for in the URL (`?lang=es`), else the browser's, else English. */
export function initialLanguage(): Language {
  const asked = new URLSearchParams(window.location.search).get("lang");
  if (asked === "en" || asked === "es") return asked;
  return navigator.language.toLowerCase().startsWith("es") ? "es" : "en";
}
