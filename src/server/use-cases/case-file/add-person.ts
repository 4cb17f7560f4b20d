import type { AddPersonInput } from "../../../contract/case-file/inputs.ts";
import { PERSON_FIELD_NAMES } from "../../../contract/intake/inputs.ts";
import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { onCase } from "../../unit-of-work/on-case.ts";
import { agesOf, refuseDisagreeingAges } from "./person-changes.ts";

/**
 * Adds a person to the case after intake, in a part (a victim found later, a guardian, a second
 * suspect), checked as intake checks its people. The record is held by the caller's agency, as
 * intake's people are held by the agency that took them in. The timeline and the audit name the
 * fields given, never their values.
 */
export function addPerson(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: AddPersonInput,
): Promise<{ id: string; version: number }> {
  const spec = { caseId, action: "person.add", ability: "editPeople" } as const;
  return onCase(ctx, actor, spec, async (w) => {
    const { part, ...values } = input;
    await refuseDisagreeingAges(w, agesOf([part], values), null, null);
    const id = await w.repos.personRecords.add(caseId, part, values);
    const fields = PERSON_FIELD_NAMES.filter((f) => values[f] !== undefined);
    await w.repos.events.append({
      caseId,
      kind: "person_added",
      data: { personId: id, part, fields },
    });
    w.record({ recordType: "person", recordId: id, fields, detail: { caseId, part } });
    return { id, version: 1 };
  });
}
