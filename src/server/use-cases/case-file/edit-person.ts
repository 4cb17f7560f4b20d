import type { EditPersonInput } from "../../../contract/case-file/inputs.ts";
import { PERSON_FIELD_NAMES, type PersonField } from "../../../contract/intake/inputs.ts";
import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { badRequest, forbidden, notFound } from "../../errors.ts";
import { onCase } from "../../unit-of-work/on-case.ts";
import {
  agesOf,
  changedFields,
  mayChange,
  merged,
  refuseDisagreeingAges,
  stalePerson,
} from "./person-changes.ts";

/**
 * Changes a person's record on the case after intake (issue 13). The caller changes only what
 * the policy shows them of the person; the ages must agree as at intake; a stale version answers
 * 409. The timeline and the audit name the fields that changed, never their values.
 */
export function editPerson(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  personId: string,
  input: EditPersonInput,
): Promise<{ version: number; fields: PersonField[] }> {
  const spec = { caseId, action: "person.update", ability: "editPeople" } as const;
  return onCase(ctx, actor, spec, async (w) => {
    const person = await w.repos.personRecords.onCase(caseId, personId);
    if (!person) throw notFound("person", "personId");
    if (person.version !== input.version) throw stalePerson();
    const { version, clear = [], ...given } = input;
    const named = PERSON_FIELD_NAMES.filter((f) => given[f] !== undefined || clear.includes(f));
    const shown = await w.repos.caseReading.shownOf(caseId, personId);
    const hidden = named.find((f) => !shown || !mayChange(f, shown));
    if (hidden)
      throw w.refuse(
        forbidden("You cannot change this about the person: it is not shown to you.", hidden),
      );
    if (given.nonOffending !== undefined && !person.parts.includes("guardian"))
      throw badRequest("Only a guardian is marked non-offending.", "nonOffending");
    const values = merged(person.values, given, clear);
    const fields = changedFields(named, person.values, values);
    w.record({ recordType: "person", recordId: personId, fields, detail: { caseId } });
    if (fields.length === 0) return { version, fields };
    await refuseDisagreeingAges(
      w,
      agesOf(person.parts, values),
      agesOf(person.parts, person.values),
      personId,
    );
    if (!(await w.repos.personRecords.write(personId, version, values))) throw stalePerson();
    await w.repos.events.append({ caseId, kind: "person_updated", data: { personId, fields } });
    return { version: version + 1, fields };
  });
}
