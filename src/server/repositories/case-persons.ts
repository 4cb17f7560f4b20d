import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { badRequest } from "../errors.ts";

/** A person named in a request must be on that case; otherwise the named field is at fault. */
export async function personOnCase(
  trx: Kysely<Database> | Transaction<Database>,
  caseId: string,
  personId: string,
  field: string,
) {
  const person = await trx
    .selectFrom("case_persons")
    .innerJoin("persons", "persons.id", "case_persons.person_id")
    .select(["persons.id", "persons.agency_id", "persons.age_years", "case_persons.part"])
    .where("case_persons.case_id", "=", caseId)
    .where("case_persons.person_id", "=", personId)
    .executeTakeFirst();
  if (!person) throw badRequest("No such person on this case.", field);
  return person;
}
