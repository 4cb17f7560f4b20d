import { countyByFips } from "../../domain/counties.ts";
import { CATALOGUES, type Language, type MessageKey } from "../../domain/i18n/index.ts";
import type { Translate, UiMessageKey } from "../i18n/i18n.tsx";

/**
 * Names for the ids the API sends (actions, determinations, roles, sources, …). Action and
 * determination names come from the domain catalogues the assessment itself uses, so the
 * browser and the server say the same thing; the rest are UI messages.
 */
export function actionLabel(lang: Language, actionId: string): string {
  return CATALOGUES[lang][`action.${actionId}` as MessageKey] ?? actionId;
}

export function determinationLabel(lang: Language, determination: string | null): string {
  if (determination === null) return "—";
  return CATALOGUES[lang][`determination.${determination}` as MessageKey] ?? determination;
}

/** A UI label for `<prefix>.<id>`, or the id itself when the catalogue has none. */
export function labelFor(t: Translate, prefix: string, id: string | null): string {
  if (id === null) return "—";
  const key = `${prefix}.${id}` as UiMessageKey;
  const text = t(key);
  return text === undefined ? id : text;
}

export function countyName(fips: string | null): string {
  if (fips === null) return "—";
  return countyByFips(fips)?.name ?? fips;
}
