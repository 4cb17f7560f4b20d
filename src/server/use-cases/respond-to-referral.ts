import { z } from "zod";
import { REFERRAL_TRANSITIONS, type ReferralStatus } from "../../domain/coordination/referral.ts";
import { type Actor, auditContextFor } from "../access/actor.ts";
import { accountAbilities, consentStandsNow } from "../access/policy.ts";
import { appendAudit } from "../audit/audit-log.ts";
import { denied } from "../audit/record-denial.ts";
import type { AppContext } from "../context.ts";
import { AppError, conflict, notFound } from "../errors.ts";
import { appendCaseEvent } from "../repositories/cases.ts";
import { openIdentity } from "../repositories/person-identity.ts";
import { openText, sealOptional } from "../repositories/sealed-text.ts";

export const respondToReferralInput = z
  .strictObject({
    version: z.number().int().min(1),
    status: z.enum(["accepted", "declined", "completed"]),
    reason: z.string().trim().min(3).max(1000).optional(),
  })
  .refine((v) => v.status !== "declined" || v.reason !== undefined, {
    message: "a reason is required to decline a referral",
    path: ["reason"],
  });

/** Staff of the receiving agency who work with people (not analysts or administrators). */
const receives = (actor: Actor) => accountAbilities(actor).receiveReferrals;

/** The receiving agency accepts, declines (with a reason) or completes a referral. */
export async function respondToReferral(
  ctx: AppContext,
  actor: Actor,
  referralId: string,
  raw: z.input<typeof respondToReferralInput>,
): Promise<{ version: number }> {
  const input = respondToReferralInput.parse(raw);
  const entry = { action: "referral.respond", recordType: "referral", recordId: referralId };
  const ref = await ctx.db.kysely
    .selectFrom("referrals")
    .select(["id", "case_id", "status", "version"])
    .where("id", "=", referralId)
    .where("to_agency_id", "=", actor.agencyId)
    .executeTakeFirst();
  if (!ref || !receives(actor)) throw await denied(ctx, actor, entry, notFound("referral"));
  if (!REFERRAL_TRANSITIONS[ref.status as ReferralStatus].includes(input.status))
    throw new AppError(
      "invalid_transition",
      `A referral that is ${ref.status} cannot become ${input.status}.`,
      "status",
    );
  const nowIso = ctx.clock.now().toISOString();
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("referrals")
      .set({
        status: input.status,
        reason: sealOptional(ctx.keyring, "referrals", "reason", referralId, input.reason),
        updated_at: nowIso,
        version: input.version + 1,
      })
      .where("id", "=", referralId)
      .where("version", "=", input.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0)
      throw conflict("Someone answered this referral since you opened it; reload to see it.");
    await appendCaseEvent(trx, {
      caseId: ref.case_id,
      kind: `referral_${input.status}`,
      occurredAt: nowIso,
      actorUserId: actor.userId,
      data: { referralId },
      record: { type: "referral", id: referralId },
    });
    await appendAudit(trx, auditContextFor(actor, ctx.clock), [
      { ...entry, outcome: "allowed", fields: ["status"], detail: { status: input.status } },
    ]);
    return { version: input.version + 1 };
  });
}

/**
 * Referrals waiting on the caller's agency. The person's name and birth date appear only on
 * referrals that disclosed them (on the basis recorded when they were sent).
 */
export async function listIncomingReferrals(ctx: AppContext, actor: Actor) {
  const entry = { action: "referral.list_incoming", recordType: "referral" };
  if (!receives(actor))
    throw await denied(
      ctx,
      actor,
      entry,
      new AppError("forbidden", "Your role does not receive referrals."),
    );
  const nowIso = ctx.clock.now().toISOString();
  // A consent revoked or expired since the referral was sent stops further disclosure.
  const stillDisclosed = (r: {
    discloses_identity: number;
    disclosure_basis: string;
    consent_revoked_at: string | null;
    consent_expires_at: string | null;
  }) =>
    r.discloses_identity === 1 &&
    (r.disclosure_basis !== "consent" ||
      consentStandsNow(
        { revoked_at: r.consent_revoked_at, expires_at: r.consent_expires_at },
        nowIso,
      ));
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom("referrals")
      .innerJoin("cases", "cases.id", "referrals.case_id")
      .innerJoin("persons", "persons.id", "referrals.person_id")
      .leftJoin("consents", "consents.id", "referrals.consent_id")
      .select([
        "consents.revoked_at as consent_revoked_at",
        "consents.expires_at as consent_expires_at",
        "referrals.id",
        "referrals.case_id",
        "cases.case_number",
        "referrals.domain",
        "referrals.service",
        "referrals.status",
        "referrals.sent_at",
        "referrals.version",
        "referrals.discloses_identity",
        "referrals.disclosure_basis",
        "persons.id as person_id",
        "persons.given_name",
        "persons.family_name",
        "persons.birth_date",
        "persons.phone",
        "persons.address",
        "persons.age_years",
      ])
      .where("referrals.to_agency_id", "=", actor.agencyId)
      .where("referrals.status", "in", ["sent", "accepted"])
      .orderBy("referrals.sent_at")
      .limit(500)
      .execute();
    const out = rows.map((r) => ({
      id: r.id,
      caseNumber: r.case_number,
      domain: r.domain,
      service: openText(ctx.keyring, "referrals", "service", r.id, r.service),
      status: r.status,
      sentAt: r.sent_at,
      version: r.version,
      disclosureBasis: r.disclosure_basis,
      ageYears: r.age_years,
      identity: stillDisclosed(r)
        ? openIdentity(ctx.keyring, { ...r, id: r.person_id }, [
            "givenName",
            "familyName",
            "birthDate",
          ])
        : {},
    }));
    await appendAudit(trx, auditContextFor(actor, ctx.clock), [
      {
        ...entry,
        outcome: "allowed",
        fields: rows.filter(stillDisclosed).map((r) => `person.${r.person_id}.identity`),
        detail: { count: rows.length },
      },
    ]);
    return out;
  });
}
