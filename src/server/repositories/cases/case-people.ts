import { badRequest } from "../../errors.ts";
import type { Scope } from "../scope.ts";

/** The people on a case, as records a request may name (ids, holders, parts; no identity). */
export class CasePeopleRepository {
  constructor(private readonly s: Scope) {}

  /** A person named in a request must be on that case; otherwise the named field is at fault. */
  async onCase(caseId: string, personId: string, field: string) {
    const person = await this.s.trx
      .selectFrom("case_persons")
      .innerJoin("persons", "persons.id", "case_persons.person_id")
      .select(["persons.id", "persons.agency_id", "persons.age_years", "case_persons.part"])
      .where("case_persons.case_id", "=", caseId)
      .where("case_persons.person_id", "=", personId)
      // Taken off the case: no longer someone a plan, note or referral may name.
      .where("case_persons.removed_at", "is", null)
      .executeTakeFirst();
    if (!person) throw badRequest("No such person on this case.", field);
    return person;
  }
}
