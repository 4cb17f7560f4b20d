import type { PersonField, PersonValues } from "../../../contract/intake/inputs.ts";
import { type PersonAges, personChangeProblems } from "../../../domain/consistency.ts";
import type { IdentityField } from "../../../domain/roles.ts";
import { localDate } from "../../../domain/time.ts";
import { badRequest, conflict } from "../../errors.ts";
import { IDENTITY_FIELDS } from "../../repositories/person-identity.ts";
import type { CaseWork } from "../../unit-of-work/on-case.ts";

/** What the three changes to a case's people share: the checks intake makes, and the merge. */

export const stalePerson = () =>
  conflict("Someone changed this person since you opened the case; reload to see their change.");

/** What of the person the policy shows the caller (from the case reading's `shownOf`). */
export interface Shown {
  fields: IdentityField[];
  contacts: boolean;
  placement: boolean;
}

/**
 * Whether the caller may change the field: identity only where it is shown to them, and the
 * contacts and placement with the phone and the address, as the case page shows them. A field
 * the caller cannot read is never overwritten blind.
 */
export function mayChange(field: PersonField, shown: Shown): boolean {
  if ((IDENTITY_FIELDS as string[]).includes(field))
    return shown.fields.includes(field as IdentityField);
  if (field === "contacts") return shown.contacts;
  if (field === "placement") return shown.placement;
  return true;
}

/** The record after the change: given fields set, cleared fields emptied, the rest kept. */
export function merged(
  current: PersonValues,
  given: PersonValues,
  clear: readonly PersonField[],
): PersonValues {
  const out: PersonValues = { ...current };
  for (const [k, v] of Object.entries(given)) if (v !== undefined) Object.assign(out, { [k]: v });
  for (const f of clear) delete out[f];
  return out;
}

/** The fields whose values differ between two records (names only, in the record's order). */
export function changedFields(
  names: readonly PersonField[],
  before: PersonValues,
  after: PersonValues,
): PersonField[] {
  return names.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
}

/** The ages part of a person for the consistency checks: a victim is checked as a victim. */
export function agesOf(parts: readonly string[], v: PersonValues): PersonAges {
  return {
    part: parts.includes("victim") ? "victim" : (parts[0] ?? ""),
    birthDate: v.birthDate,
    ageYears: v.ageYears,
  };
}

/**
 * Refuses a change whose ages disagree, by the rules intake applies, on the day the case was
 * received, against the case's latest screening: 400 naming the field, nothing written.
 */
export async function refuseDisagreeingAges(
  w: CaseWork,
  person: PersonAges,
  before: PersonAges | null,
  personId: string | null,
): Promise<void> {
  const caseId = w.case.row.id;
  const others = (await w.repos.personRecords.agesOn(caseId))
    .filter((p) => p.id !== personId)
    .map((p) => ({ part: p.part, ageYears: p.age_years ?? undefined }));
  const screened = await w.repos.assessments.latestSubject(caseId);
  const receivedOn = localDate(new Date(w.case.row.received_at));
  const [problem] = personChangeProblems(person, before, others, screened, receivedOn);
  if (problem) throw badRequest(problem.message, problem.field);
}
