import { en, type MessageKey } from "./en.ts";
import { es } from "./es.ts";

export const LANGUAGES = ["en", "es"] as const;
export type Language = (typeof LANGUAGES)[number];

export const CATALOGUES: Record<Language, Record<MessageKey, string>> = { en, es };

export type { MessageKey };

/** The message for a key, with `{name}` placeholders filled in. */
export function translate(
  lang: Language,
  key: MessageKey,
  params?: Record<string, string | number>,
): string {
  const template = CATALOGUES[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}
