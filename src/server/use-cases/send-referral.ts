import { z } from "zod";
import {
  referralDisclosure,
  STATUTORY_BASES,
  type StatutoryBasis,
} from "../../domain/coordination/referral.ts";
import { PLAN_DOMAIN_IDS, type PlanDomain } from "../../domain/coordination/service-plan.ts";
import { isMinorVictim } from "../../domain/minor.ts";
import { type Actor, auditContextFor } from "../access/actor.ts";
import { consentCovers, consentStanding } from "../access/policy.ts";
import { appendAudit } from "../audit/audit-log.ts";
import { denied } from "../audit/record-denial.ts";
import type { AppContext } from "../context.ts";
import { AppError, badRequest } from "../errors.ts";
import { newId } from "../ids.ts";
import { caseForAction } from "../repositories/case-access.ts";
import { personOnCase } from "../repositories/case-persons.ts";
import { appendCaseEvent } from "../repositories/cases.ts";
import { sealText } from "../repositories/sealed-text.ts";

export const sendReferralInput = z.strictObject({
  personId: z.string().min(1).max(100),
  toAgencyId: z.string().min(1).max(100),
  domain: z.enum(PLAN_DOMAIN_IDS as [PlanDomain, ...PlanDomain[]]),
  service: z.string().trim().min(1).max(200),
  /** Whether the referral carries the person's name and birth date to the recipient. */
  disclosesIdentity: z.boolean(),
  statutoryBasis: z
    .enum(Object.keys(STATUTORY_BASES) as [StatutoryBasis, ...StatutoryBasis[]])
    .optional(),
});

const REFUSALS = {
  consent_required:
    "Sharing this person's identity with that agency needs their valid written consent on record.",
  statutory_basis_not_met: "That statute does not cover this recipient or this person.",
} as const;

/**
 * Refers a victim to a provider. A referral that discloses identity to another agency needs a
 * valid consent record or a statutory basis, and stores which; without either it is refused
 * (and the refusal audited) rather than sent without the identity the sender meant to include.
 */
export async function sendReferral(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  raw: z.input<typeof sendReferralInput>,
): Promise<{ id: string; disclosureBasis: string; consentId: string | null }> {
  const input = sendReferralInput.parse(raw);
  await caseForAction(ctx, ctx.db.kysely, actor, caseId, "referral.send", "sendReferral");
  const nowIso = ctx.clock.now().toISOString();
  const person = await personOnCase(ctx.db.kysely, caseId, input.personId, "personId");
  const recipient = await ctx.db.kysely
    .selectFrom("agencies")
    .select(["id", "kind"])
    .where("id", "=", input.toAgencyId)
    .executeTakeFirst();
  if (!recipient) throw badRequest("No such agency.", "toAgencyId");
  const consent = await ctx.db.kysely
    .selectFrom("consents")
    .select("id")
    .where("person_id", "=", person.id)
    .where("holder_agency_id", "=", person.agency_id)
    .where(consentStanding(recipient.id, nowIso))
    .where(consentCovers("identity"))
    .orderBy("expires_at", "desc")
    .executeTakeFirst();
  const decision = referralDisclosure({
    disclosesIdentity: input.disclosesIdentity,
    holderAgencyId: person.agency_id,
    recipientAgencyId: recipient.id,
    recipientKind: recipient.kind,
    minorVictim: isMinorVictim(person.part, person.age_years),
    hasValidConsent: consent !== undefined,
    statutoryBasis: input.statutoryBasis,
  });
  const entry = { action: "referral.send", recordType: "case", recordId: caseId };
  if (!decision.allowed) {
    const error = new AppError(decision.code, REFUSALS[decision.code], "disclosesIdentity");
    throw await denied(ctx, actor, entry, error);
  }
  const consentId = decision.basis === "consent" ? (consent?.id ?? null) : null;
  const statute =
    decision.basis === "cps_report_minor" ? STATUTORY_BASES.cps_report_minor.citation : null;
  const id = newId();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await trx
      .insertInto("referrals")
      .values({
        id,
        case_id: caseId,
        person_id: person.id,
        from_agency_id: actor.agencyId,
        to_agency_id: recipient.id,
        domain: input.domain,
        service: sealText(ctx.keyring, "referrals", "service", id, input.service),
        discloses_identity: input.disclosesIdentity ? 1 : 0,
        disclosure_basis: decision.basis,
        consent_id: consentId,
        statute,
        status: "sent",
        reason: null,
        sent_by_user_id: actor.userId,
        sent_at: nowIso,
        updated_at: nowIso,
        version: 1,
      })
      .execute();
    // The receiving agency learns that a referral arrived, not for whom: that is in the app.
    await trx
      .insertInto("notifications")
      .values({
        id: newId(),
        agency_id: recipient.id,
        user_id: null,
        kind: "referral_received",
        data: JSON.stringify({ referralId: id, domain: input.domain }),
        created_at: nowIso,
        read_at: null,
      })
      .execute();
    await appendCaseEvent(trx, {
      caseId,
      kind: "referral_sent",
      occurredAt: nowIso,
      actorUserId: actor.userId,
      data: { referralId: id, domain: input.domain, basis: decision.basis },
      record: { type: "referral", id },
    });
    await appendAudit(trx, auditContextFor(actor, ctx.clock), [
      {
        ...entry,
        outcome: "allowed",
        fields: input.disclosesIdentity ? [`person.${person.id}.identity`] : [],
        detail: { referralId: id, basis: decision.basis, toAgencyId: recipient.id },
      },
    ]);
  });
  return { id, disclosureBasis: decision.basis, consentId };
}
