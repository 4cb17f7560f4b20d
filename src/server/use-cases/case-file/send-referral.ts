import type { SendReferralInput } from "../../../contract/case-file/inputs.ts";
import { STATUTORY_BASES } from "../../../domain/coordination/referral.ts";
import { isMinorVictim } from "../../../domain/minor.ts";
import type { Actor } from "../../access/actor.ts";
import { referralDisclosure } from "../../access/policy.ts";
import type { AppContext } from "../../context.ts";
import { AppError, badRequest } from "../../errors.ts";
import { onCase } from "../../unit-of-work/on-case.ts";
import { consentHolderOnCase, consentStepWords } from "../consent/consent-step-words.ts";

/**
 * Refers a victim to a provider. A referral that discloses identity to another agency needs a
 * valid consent record or a statutory basis, and stores which; without either it is refused
 * (and the refusal audited) rather than sent without the identity the sender meant to include.
 */
export function sendReferral(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: SendReferralInput,
): Promise<{ id: string; disclosureBasis: string; consentId: string | null }> {
  const spec = { caseId, action: "referral.send", ability: "sendReferral" } as const;
  return onCase(ctx, actor, spec, async (w) => {
    const person = await w.repos.people.onCase(caseId, input.personId, "personId");
    const recipient = await w.repos.referrals.recipientAgency(input.toAgencyId);
    if (!recipient) throw badRequest("No such agency.", "toAgencyId");
    // Whose record the name leaves from (the policy's holder rule): the sender's own, once a
    // victim-services sender serves the person, else the agency that took the person in.
    const holder = input.disclosesIdentity
      ? await consentHolderOnCase(w, actor, person.agency_id)
      : { id: person.agency_id, kind: "", name: "" };
    const consentId = await w.repos.consents.validFor({
      personId: person.id,
      holderAgencyId: holder.id,
      recipientAgencyId: recipient.id,
      category: "identity",
    });
    const decision = referralDisclosure({
      disclosesIdentity: input.disclosesIdentity,
      holderAgencyId: holder.id,
      recipientAgencyId: recipient.id,
      recipientKind: recipient.kind,
      minorVictim: isMinorVictim(person.part, person.age_years),
      hasValidConsent: consentId !== undefined,
      statutoryBasis: input.statutoryBasis,
    });
    // The refusal says what is missing and, for a consent, who records it.
    if (!decision.allowed)
      throw w.refuse(
        new AppError(
          decision.code,
          decision.code === "consent_required"
            ? consentStepWords(holder, recipient.name)
            : undefined,
          "disclosesIdentity",
        ),
      );
    const basis = decision.basis;
    const sentUnder = basis === "consent" ? (consentId ?? null) : null;
    const statute = basis === "cps_report_minor" ? STATUTORY_BASES[basis].citation : null;
    const id = await w.repos.referrals.send({
      caseId,
      personId: person.id,
      toAgencyId: recipient.id,
      domain: input.domain,
      service: input.service,
      disclosesIdentity: input.disclosesIdentity,
      basis,
      consentId: sentUnder,
      statute,
    });
    // The receiving agency learns that a referral arrived, not for whom: that is in the app.
    await w.repos.notifications.toAgency(recipient.id, "referral_received", {
      referralId: id,
      domain: input.domain,
    });
    await w.repos.events.append({
      caseId,
      kind: "referral_sent",
      data: { referralId: id, domain: input.domain, basis },
      record: { type: "referral", id },
    });
    w.record({
      fields: input.disclosesIdentity ? [`person.${person.id}.identity`] : [],
      detail: { referralId: id, basis, toAgencyId: recipient.id },
    });
    return { id, disclosureBasis: basis, consentId: sentUnder };
  });
}
