import type { PersonPart } from "./catalogues.ts";
import { isMinorAge } from "./minor.ts";

/**
 * Who may give a consent to release a victim's information (VAWA, 34 U.S.C.
 * 12291(b)(2)(B)(ii); DOMAIN.md §11): the person it is about, or for an unemancipated minor a
 * parent or guardian, and never "the abuser of the minor". Waypoint applies the bar at every
 * age: a person recorded on a case as trafficker, purchaser or facilitator (principals alike,
 * Miss. Code § 97-3-54.3) never consents for a victim of that case.
 *
 * - An adult consents for themself only. The statute's other giver, a court-appointed guardian
 *   of a person with a legal incapacity, is not recorded in Waypoint, so it is never assumed.
 * - For a minor (under 18, § 97-3-54.4(k)) a family member on a case shared with the minor may
 *   consent, as the parent or guardian; a reporter or anyone else may not. The minor may also be
 *   recorded as the giver (the statute lets a minor who may receive the services alone release
 *   the information alone; the advocate answers for that when recording it).
 */
export const SUSPECTED_PARTS: readonly PersonPart[] = [
  "suspected_trafficker",
  "purchaser",
  "facilitator",
];

export type ConsentGiverRefusal =
  /** The giver is recorded as exploiting a victim of a case they share with the subject. */
  | "suspected"
  /** An adult's consent is their own to give. */
  | "adult_gives_own"
  /** For a minor, only a family member (parent or guardian) on a shared case may give it. */
  | "not_guardian";

export interface ConsentGiverFacts {
  /** The giver is the person the consent is about. */
  self: boolean;
  /** The age of the person the consent is about (unknown counts as an adult: only they consent). */
  subjectAgeYears: number | null;
  /** Every part the giver has on every case they share with the subject. */
  giverParts: readonly string[];
}

export function consentGiverRefusal(facts: ConsentGiverFacts): ConsentGiverRefusal | null {
  if (facts.self) return null;
  if (facts.giverParts.some((p) => (SUSPECTED_PARTS as readonly string[]).includes(p)))
    return "suspected";
  if (!isMinorAge(facts.subjectAgeYears)) return "adult_gives_own";
  return facts.giverParts.includes("family") ? null : "not_guardian";
}

export function mayGiveConsent(facts: ConsentGiverFacts): boolean {
  return consentGiverRefusal(facts) === null;
}
