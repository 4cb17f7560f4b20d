import type { Transaction } from "kysely";
import { z } from "zod";
import { type ConsentGiverRefusal, consentGiverRefusal } from "../../domain/consent.ts";
import { CONSENT_CATEGORIES } from "../../domain/roles.ts";
import { type Actor, auditContextFor } from "../access/actor.ts";
import { consentStandsNow } from "../access/policy.ts";
import { appendAudit } from "../audit/audit-log.ts";
import { denied } from "../audit/record-denial.ts";
import type { AppContext } from "../context.ts";
import type { Database } from "../db/schema.ts";
import { AppError, badRequest, notFound } from "../errors.ts";
import { newId } from "../ids.ts";
import { openText, sealText } from "../repositories/sealed-text.ts";

export const consentInput = z.strictObject({
  recipientAgencyId: z.string().min(1),
  givenByPersonId: z.string().min(1),
  categories: z.array(z.enum(CONSENT_CATEGORIES)).min(1).max(CONSENT_CATEGORIES.length),
  purpose: z.string().trim().min(5).max(500),
  form: z.enum(["signed_form", "attested"]),
  expiresAt: z.iso.datetime({ offset: true }),
});

const GIVER_REFUSALS: Record<ConsentGiverRefusal, string> = {
  suspected:
    "givenByPersonId: a person recorded on the case as a suspected trafficker, purchaser or facilitator can never give consent for a victim.",
  adult_gives_own:
    "givenByPersonId: an adult gives their own consent; no one else can give it for them.",
  not_guardian:
    "givenByPersonId: for a minor, consent is given by the minor or by a parent or guardian recorded as family on the same case.",
};
const MAX_CONSENT_MS = 366 * 86_400_000;

/**
 * Records a VAWA/VOCA release (34 U.S.C. 12291(b)(2)): informed, written, reasoned and
 * time-limited. Only the holding victim-services agency's advocates record it. Consent is never
 * a condition of service, so nothing else in Waypoint depends on it existing.
 */
export async function recordConsent(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  raw: z.input<typeof consentInput>,
): Promise<{ id: string }> {
  const input = consentInput.parse(raw);
  const now = ctx.clock.now();
  const expires = new Date(input.expiresAt).getTime();
  if (expires <= now.getTime()) throw badRequest("expiresAt: must be in the future", "expiresAt");
  if (expires - now.getTime() > MAX_CONSENT_MS)
    throw badRequest("expiresAt: must be within a year", "expiresAt");
  const person = await ctx.db.kysely
    .selectFrom("persons")
    .innerJoin("agencies", "agencies.id", "persons.agency_id")
    .select(["persons.id", "persons.agency_id", "persons.age_years", "agencies.kind"])
    .where("persons.id", "=", personId)
    .executeTakeFirst();
  // Only the holder's advocates may record; to anyone else the person does not exist.
  if (person?.agency_id !== actor.agencyId || actor.role !== "victim_advocate") {
    const entry = { action: "consent.create", recordType: "person", recordId: personId };
    throw await denied(ctx, actor, entry, notFound("person"));
  }
  return ctx.db.kysely.transaction().execute(async (trx) => {
    if (person.kind !== "victim_services")
      throw new AppError(
        "consent_not_needed",
        "Only victim-services records need a consent to be shared.",
      );
    const recipient = await trx
      .selectFrom("agencies")
      .select("id")
      .where("id", "=", input.recipientAgencyId)
      .executeTakeFirst();
    if (!recipient) throw badRequest("recipientAgencyId: no such agency", "recipientAgencyId");
    await checkGiver(trx, personId, person.age_years, input.givenByPersonId);
    const id = newId();
    await trx
      .insertInto("consents")
      .values({
        id,
        person_id: personId,
        holder_agency_id: person.agency_id,
        recipient_agency_id: input.recipientAgencyId,
        given_by_person_id: input.givenByPersonId,
        categories: JSON.stringify(input.categories),
        purpose: sealText(ctx.keyring, "consents", "purpose", id, input.purpose),
        form: input.form,
        expires_at: new Date(expires).toISOString(),
        revoked_at: null,
        recorded_by_user_id: actor.userId,
        created_at: now.toISOString(),
      })
      .execute();
    await appendAudit(trx, auditContextFor(actor, ctx.clock), [
      {
        action: "consent.create",
        recordType: "consent",
        recordId: id,
        outcome: "allowed",
        detail: {
          personId,
          recipientAgencyId: input.recipientAgencyId,
          categories: input.categories.join(","),
        },
      },
    ]);
    return { id };
  });
}

/** Refuses (422) a giver the rule of src/domain/consent.ts does not allow. */
async function checkGiver(
  trx: Transaction<Database>,
  personId: string,
  ageYears: number | null,
  giverId: string,
): Promise<void> {
  // Every part the giver has on every case they share with the person: one suspected part
  // anywhere bars them.
  const shared = await trx
    .selectFrom("case_persons as giver")
    .innerJoin("case_persons as subject", "subject.case_id", "giver.case_id")
    .select("giver.part")
    .where("giver.person_id", "=", giverId)
    .where("subject.person_id", "=", personId)
    .execute();
  const refusal = consentGiverRefusal({
    self: giverId === personId,
    subjectAgeYears: ageYears,
    giverParts: shared.map((s) => s.part),
  });
  if (refusal)
    throw new AppError("consent_giver_not_allowed", GIVER_REFUSALS[refusal], "givenByPersonId");
}

/** Revocation stops disclosure at once: the next read no longer finds a valid consent. */
export async function revokeConsent(
  ctx: AppContext,
  actor: Actor,
  consentId: string,
): Promise<void> {
  const consent = await ctx.db.kysely
    .selectFrom("consents")
    .select(["id", "holder_agency_id", "revoked_at"])
    .where("id", "=", consentId)
    .executeTakeFirst();
  if (consent?.holder_agency_id !== actor.agencyId || actor.role !== "victim_advocate") {
    const entry = { action: "consent.revoke", recordType: "consent", recordId: consentId };
    throw await denied(ctx, actor, entry, notFound("consent"));
  }
  await ctx.db.kysely.transaction().execute(async (trx) => {
    if (!consent.revoked_at) {
      await trx
        .updateTable("consents")
        .set({ revoked_at: ctx.clock.now().toISOString() })
        .where("id", "=", consentId)
        .execute();
    }
    await appendAudit(trx, auditContextFor(actor, ctx.clock), [
      { action: "consent.revoke", recordType: "consent", recordId: consentId, outcome: "allowed" },
    ]);
  });
}

/**
 * A person's consent records, for the holding agency's advocates (who record and revoke them).
 * Anyone else gets the same 404 as for a person that does not exist.
 */
export async function listConsents(ctx: AppContext, actor: Actor, personId: string) {
  const person = await ctx.db.kysely
    .selectFrom("persons")
    .select("agency_id")
    .where("id", "=", personId)
    .executeTakeFirst();
  const entry = { action: "consent.list", recordType: "person", recordId: personId };
  if (person?.agency_id !== actor.agencyId || actor.role !== "victim_advocate")
    throw await denied(ctx, actor, entry, notFound("person"));
  const nowIso = ctx.clock.now().toISOString();
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom("consents")
      .innerJoin("agencies", "agencies.id", "consents.recipient_agency_id")
      .select([
        "consents.id",
        "consents.recipient_agency_id as recipientAgencyId",
        "agencies.name as recipientAgencyName",
        "consents.categories",
        "consents.purpose",
        "consents.form",
        "consents.expires_at as expiresAt",
        "consents.revoked_at as revokedAt",
        "consents.created_at as createdAt",
      ])
      .where("consents.person_id", "=", personId)
      .orderBy("consents.created_at", "desc")
      .execute();
    await appendAudit(trx, auditContextFor(actor, ctx.clock), [
      { ...entry, outcome: "allowed", detail: { count: rows.length } },
    ]);
    return rows.map((r) => ({
      ...r,
      purpose: openText(ctx.keyring, "consents", "purpose", r.id, r.purpose),
      categories: JSON.parse(r.categories) as string[],
      valid: consentStandsNow({ revoked_at: r.revokedAt, expires_at: r.expiresAt }, nowIso),
    }));
  });
}
