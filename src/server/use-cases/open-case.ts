import type { Transaction } from "kysely";
import { z } from "zod";
import { CASE_SOURCES, CITIZENSHIPS, PERSON_PARTS, VENUES } from "../../domain/catalogues.ts";
import { countyByFips } from "../../domain/counties.ts";
import { localYear } from "../../domain/time.ts";
import { type Actor, auditContextFor } from "../access/actor.ts";
import { type AuditEntry, appendAudit } from "../audit/audit-log.ts";
import type { AppContext } from "../context.ts";
import type { Database } from "../db/schema.ts";
import { newId } from "../ids.ts";
import { allocateCaseNumber } from "../repositories/case-numbers.ts";
import { appendCaseEvent, insertCase } from "../repositories/cases.ts";
import {
  IDENTITY_FIELDS,
  type PersonIdentity,
  sealIdentity,
} from "../repositories/person-identity.ts";
import { sealOptional } from "../repositories/sealed-text.ts";

export const casePersonInput = z.strictObject({
  part: z.enum(PERSON_PARTS),
  givenName: z.string().trim().min(1).max(200).optional(),
  familyName: z.string().trim().min(1).max(200).optional(),
  birthDate: z.iso.date().optional(),
  phone: z.string().trim().min(3).max(40).optional(),
  address: z.string().trim().min(1).max(500).optional(),
  ageYears: z.number().int().min(0).max(120).optional(),
  gender: z.string().trim().min(1).max(50).optional(),
  citizenship: z.enum(CITIZENSHIPS).optional(),
});

export const openCaseInput = z.strictObject({
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

/** Opens a case with its people, first timeline event and audit rows, in one transaction. */
export async function openCase(
  ctx: AppContext,
  rawInput: OpenCaseInput,
  actor: Actor | null = null,
): Promise<OpenedCase> {
  const input = openCaseInput.parse(rawInput);
  return ctx.db.kysely
    .transaction()
    .execute((trx) => openCaseInTransaction(trx, ctx, input, actor));
}

/** The same work inside a transaction the caller owns (bulk loaders batch many cases in one). */
export async function openCaseInTransaction(
  trx: Transaction<Database>,
  ctx: AppContext,
  input: z.output<typeof openCaseInput>,
  actor: Actor | null,
  /** Added to the case.create audit row (e.g. the assessment taken at intake). */
  auditDetail: Record<string, string | number | boolean | null> = {},
): Promise<OpenedCase> {
  const now = ctx.clock.now().toISOString();
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
  const audit: AuditEntry[] = [
    {
      action: "case.create",
      recordType: "case",
      recordId: id,
      outcome: "allowed",
      detail: { source: input.source, ...auditDetail },
    },
  ];
  for (const person of input.persons) {
    const personId = newId();
    const identity: PersonIdentity = {
      givenName: person.givenName,
      familyName: person.familyName,
      birthDate: person.birthDate,
      phone: person.phone,
      address: person.address,
    };
    await trx
      .insertInto("persons")
      .values({
        id: personId,
        agency_id: input.agencyId,
        ...sealIdentity(ctx.keyring, personId, identity),
        age_years: person.ageYears ?? null,
        gender: sealOptional(ctx.keyring, "persons", "gender", personId, person.gender),
        citizenship: person.citizenship ?? null,
        created_at: now,
      })
      .execute();
    await trx
      .insertInto("case_persons")
      .values({ case_id: id, person_id: personId, part: person.part })
      .execute();
    audit.push({
      action: "person.create",
      recordType: "person",
      recordId: personId,
      fields: IDENTITY_FIELDS.filter((f) => identity[f] !== undefined),
      outcome: "allowed",
      detail: { caseId: id, part: person.part },
    });
  }
  // Whoever reports a case stays on its team, so a screener can follow up on their own report.
  if (actor)
    await trx
      .insertInto("case_team")
      .values({ case_id: id, user_id: actor.userId, added_at: now })
      .execute();
  await appendCaseEvent(trx, {
    caseId: id,
    kind: "case_opened",
    occurredAt: now,
    actorUserId: actor?.userId ?? null,
    data: { source: input.source, persons: input.persons.length },
  });
  await appendAudit(trx, auditContextFor(actor, ctx.clock), audit);
  return { id, caseNumber, receivedAt };
}
