import { guidance } from "../citations.ts";

/**
 * The indicator catalogue of DOMAIN.md §7 (from the seed deck). Red flags can make a situation
 * "possible trafficking" on their own (contract rule 8); risk factors never can (rule 9): they
 * describe vulnerability, not exploitation.
 */
export const RED_FLAGS = [
  "not_free_to_leave",
  "has_pimp_or_madam",
  "unpaid_or_tips_only",
  "no_control_of_money",
  "excessive_hours",
  "no_breaks_or_restrictions",
  "substandard_housing",
  "branded",
  "threats",
  "isolation",
  "sextortion",
] as const;

export const RISK_FACTORS = [
  "homeless_or_runaway",
  "foster_care_or_cps_history",
  "abuse_history",
  "juvenile_justice_contact",
  "substance_abuse",
  "mental_health_or_disability",
  "interpersonal_violence",
  "poverty",
  "gang_involvement",
] as const;

export type RedFlag = (typeof RED_FLAGS)[number];
export type RiskFactor = (typeof RISK_FACTORS)[number];
export type IndicatorId = RedFlag | RiskFactor;

export const INDICATOR_IDS = [...RED_FLAGS, ...RISK_FACTORS] as const;

const redFlagSet: ReadonlySet<string> = new Set(RED_FLAGS);

export function isRedFlag(id: string): id is RedFlag {
  return redFlagSet.has(id);
}

/** DOMAIN.md §7, from the Center for Violence Prevention's training. */
export const INDICATOR_CITATION = guidance("cvp_indicators");
