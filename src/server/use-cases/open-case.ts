import type { Transaction } from "kysely";
import { z } from "zod";
import { CASE_SOURCES, CITIZENSHIPS, PERSON_PARTS, VENUES } from "../../domain/catalogues.ts";
import { countyByFips } from "../../domain/counties.ts";
import { localYear } from "../../domain/time.ts";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/database.ts";
import type { Database } from "../db/schema.ts";
import { newId } from "../ids.ts";
import { allocateCaseNumber } from "../repositories/case-numbers.ts";
import { appendCaseEvent, insertCase } from "../repositories/cases.ts";

export const casePersonInput = z.object({
  part: z.enum(PERSON_PARTS),
  givenName: z.string().trim().min(1).max(200).optional(),
  familyName: z.string().trim().min(1).max(200).optional(),
  birthDate: z.iso.date().optional(),
  ageYears: z.number().int().min(0).max(120).optional(),
  gender: z.string().trim().min(1).max(50).optional(),
  citizenship: z.enum(CITIZENSHIPS).optional(),
});

export const openCaseInput = z.object({
  agencyId: z.string().min(1),
  countyFips: z
    .string()
    .refine((f) => countyByFips(f) !== undefined, "must be a Mississippi county FIPS code")
    .optional(),
  source: z.enum(CASE_SOURCES),
  venue: z.enum(VENUES).optional(),
  receivedAt: z.iso.datetime({ offset: true }).optional(),
  determination: z.string().min(1).max(64).optional(),
  persons: z.array(casePersonInput).max(50).default([]),
});
export type OpenCaseInput = z.input<typeof openCaseInput>;

export interface OpenedCase {
  id: string;
  caseNumber: string;
  receivedAt: string;
}

/** Opens a case with its people and the first timeline event, all in one transaction. */
export async function openCase(
  db: Db,
  clock: Clock,
  rawInput: OpenCaseInput,
  actorUserId: string | null = null,
): Promise<OpenedCase> {
  const input = openCaseInput.parse(rawInput);
  return db.kysely
    .transaction()
    .execute((trx) => openCaseInTransaction(trx, clock, input, actorUserId));
}

/** The same work inside a transaction the caller owns (bulk loaders batch many cases in one). */
export async function openCaseInTransaction(
  trx: Transaction<Database>,
  clock: Clock,
  input: z.output<typeof openCaseInput>,
  actorUserId: string | null,
): Promise<OpenedCase> {
  const now = clock.now().toISOString();
  const receivedAt = input.receivedAt ? new Date(input.receivedAt).toISOString() : now;
  const id = newId();
  const caseNumber = await allocateCaseNumber(trx, localYear(new Date(receivedAt)));
  await insertCase(trx, {
    id,
    case_number: caseNumber,
    agency_id: input.agencyId,
    county_fips: input.countyFips ?? null,
    status: "open",
    source: input.source,
    venue: input.venue ?? null,
    received_at: receivedAt,
    determination: input.determination ?? null,
    version: 1,
    created_at: now,
    updated_at: now,
    closed_at: null,
  });
  for (const person of input.persons) {
    const personId = newId();
    await trx
      .insertInto("persons")
      .values({
        id: personId,
        agency_id: input.agencyId,
        given_name: person.givenName ?? null,
        family_name: person.familyName ?? null,
        birth_date: person.birthDate ?? null,
        age_years: person.ageYears ?? null,
        gender: person.gender ?? null,
        citizenship: person.citizenship ?? null,
        created_at: now,
      })
      .execute();
    await trx
      .insertInto("case_persons")
      .values({ case_id: id, person_id: personId, part: person.part })
      .execute();
  }
  await appendCaseEvent(trx, {
    caseId: id,
    kind: "case_opened",
    occurredAt: now,
    actorUserId,
    data: { source: input.source, persons: input.persons.length },
  });
  return { id, caseNumber, receivedAt };
}
