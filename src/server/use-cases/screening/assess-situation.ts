import { type Assessment, assess, type Facts } from "../../../domain/assessment/index.ts";
import type { Language } from "../../../domain/i18n/index.ts";

/**
 * Evaluates facts against Mississippi law. Stores nothing and needs no login: the public help
 * page uses it, so it must never depend on, or reveal, any case data.
 */
export function assessSituation(facts: Facts, lang: Language): Assessment {
  return assess(facts, { lang });
}
