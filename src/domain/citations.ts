import { type Language, type MessageKey, translate } from "./i18n/index.ts";

/**
 * Sources that are not law, named by the body that issued them. ../shared/DOMAIN.md says who
 * issued what: where it gives "seed" as the authority, that is the Center for Violence
 * Prevention's training. A person reads the statute or that body's name, never a file of ours.
 *
 * In citation data guidance is written `{id}` (see `guidance`) and worded per language by
 * `citationText`; statutes, bills and rules stay as written, the same in every language.
 */
export const GUIDANCE_IDS = [
  "cvp_training",
  "cvp_red_flags",
  "cvp_risk_factors",
  "cvp_indicators",
] as const;
export type Guidance = (typeof GUIDANCE_IDS)[number];

const isGuidance = (id: string): id is Guidance => (GUIDANCE_IDS as readonly string[]).includes(id);

/** The guidance's place in a citation string. */
export const guidance = (id: Guidance): string => `{${id}}`;

/** A citation as a person reads it in `lang`. */
export function citationText(citation: string, lang: Language): string {
  return citation.replace(/\{(\w+)\}/g, (whole, id: string) =>
    isGuidance(id) ? translate(lang, `guidance.${id}` as MessageKey) : whole,
  );
}
