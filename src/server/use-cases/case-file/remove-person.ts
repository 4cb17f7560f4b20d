import type { RemovePersonInput } from "../../../contract/case-file/inputs.ts";
import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { notFound } from "../../errors.ts";
import { onCase } from "../../unit-of-work/on-case.ts";
import { stalePerson } from "./person-changes.ts";

/**
 * Takes a person off the case (recorded on the wrong case, a duplicate), with a reason. Nothing
 * is deleted: the link is marked removed, with a record of when, by whom and why (sealed), the person's
 * sealed record stays, and the timeline and audit keep what was done. The person no longer
 * shows on the case, and no longer can be named by a plan, note or referral on it.
 */
export function removePerson(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  personId: string,
  input: RemovePersonInput,
): Promise<void> {
  const spec = { caseId, action: "person.remove", ability: "editPeople" } as const;
  return onCase(ctx, actor, spec, async (w) => {
    const person = await w.repos.personRecords.onCase(caseId, personId);
    if (!person) throw notFound("person", "personId");
    if (person.version !== input.version) throw stalePerson();
    if (!(await w.repos.personRecords.remove(caseId, personId, input.version, input.reason)))
      throw stalePerson();
    await w.repos.events.append({
      caseId,
      kind: "person_removed",
      data: { personId, parts: person.parts },
    });
    w.record({
      recordType: "person",
      recordId: personId,
      fields: ["reason"],
      detail: { caseId },
    });
  });
}
