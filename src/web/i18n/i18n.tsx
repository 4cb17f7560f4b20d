import { createContext, type ReactNode, useContext, useEffect, useMemo } from "react";
import type { Language } from "../../domain/i18n/index.ts";
import { en, type UiMessageKey } from "./en.ts";
import { es } from "./es.ts";

export type { Language, UiMessageKey };

const CATALOGUES: Record<Language, Record<UiMessageKey, string>> = { en, es };

export type Translate = (key: UiMessageKey, params?: Record<string, string | number>) => string;

export interface I18n {
  lang: Language;
  setLang(lang: Language): void;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

function translator(lang: Language): Translate {
  const catalogue = CATALOGUES[lang];
  return (key, params) => {
    const template = catalogue[key];
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
