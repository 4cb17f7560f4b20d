import { isMinorAge } from "../minor.ts";
import type { Facts } from "./facts.ts";
import { isRedFlag } from "./indicators.ts";

/** Three-valued logic: true, false, or null for "not known yet" (contract: Facts). */
export type Tri = boolean | null;
export type AgeStatus = "minor" | "adult" | null;

/**
 * What the rules look at, derived from the facts. Grouped facts (any of force/fraud/coercion,
 * either kind of explicit material) are collapsed here, so the rules read like the statute.
 */
export interface State {
  age: AgeStatus;
  sexAct: Tri;
  valueExchanged: Tri;
  /** Sexually explicit performance or production of sexually oriented material. */
  explicit: Tri;
  labor: Tri;
  /** Force, fraud or coercion (contract rule 3). */
  ffc: Tri;
  redFlag: boolean;
  crossesStateLines: Tri;
  minorInCustody: Tri;
  foreignNational: Tri;
}

export function and3(a: Tri, b: Tri): Tri {
  if (a === false || b === false) return false;
  if (a === true && b === true) return true;
  return null;
}

export function or3(...values: Tri[]): Tri {
  let unknown = false;
  for (const v of values) {
    if (v === true) return true;
    if (v === null) unknown = true;
  }
  return unknown ? null : false;
}

const known = (v: boolean | null | undefined): Tri => (v === undefined ? null : v);

/** Contract rule 1: age decides; when absent, ageGroup; otherwise unknown. */
export function ageStatus(facts: Facts): { status: AgeStatus; basis: "age" | "ageGroup" | null } {
  const age = facts.subject?.age;
  if (age !== undefined && age !== null)
    return { status: isMinorAge(age) ? "minor" : "adult", basis: "age" };
  const group = facts.subject?.ageGroup;
  if (group) return { status: group, basis: "ageGroup" };
  return { status: null, basis: null };
}

export function deriveState(facts: Facts): State {
  const citizenship = facts.subject?.citizenship;
  return {
    age: ageStatus(facts).status,
    sexAct: known(facts.sex?.act),
    valueExchanged: known(facts.sex?.valueExchanged),
    explicit: or3(known(facts.sex?.explicitPerformance), known(facts.sex?.explicitMaterial)),
    labor: known(facts.labor?.performed),
    ffc: or3(known(facts.means?.force), known(facts.means?.fraud), known(facts.means?.coercion)),
    redFlag: facts.indicators?.some(isRedFlag) ?? false,
    crossesStateLines: known(facts.context?.crossesStateLines),
    minorInCustody: known(facts.context?.minorInCustodyForProstitution),
    foreignNational: citizenship ? citizenship === "foreign_national" : null,
  };
}

/** Contract rule 2. */
export const commercialSex = (s: State): Tri => and3(s.sexAct, s.valueExchanged);
