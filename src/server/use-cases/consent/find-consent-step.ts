import type { ConsentStepQuery } from "../../../contract/consent/inputs.ts";
import type { Actor } from "../../access/actor.ts";
import { consentRecordedBy, keepsConsentsOf } from "../../access/policy.ts";
import type { AppContext } from "../../context.ts";
import { badRequest } from "../../errors.ts";
import { onCase } from "../../unit-of-work/on-case.ts";
import { consentHolderOnCase } from "./consent-step-words.ts";

/**
 * The consent step of a referral with the person's name: whose record the name leaves from, who
 * records the person's consent there, whether the caller is one of them (the page then offers
 * the form, pre-filled) and whether one is already on record. For those who may send referrals
 * on the case; it names agencies only.
 */
export function findConsentStep(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  query: ConsentStepQuery,
) {
  const spec = { caseId, action: "consent.step", ability: "sendReferral" } as const;
  return onCase(ctx, actor, spec, async (w) => {
    const person = await w.repos.people.onCase(caseId, query.personId, "personId");
    const recipient = await w.repos.referrals.recipientAgency(query.recipientAgencyId);
    if (!recipient) throw badRequest("No such agency.", "recipientAgencyId");
    const holder = await consentHolderOnCase(w, actor, person.agency_id);
    const consentId = await w.repos.consents.validFor({
      personId: person.id,
      holderAgencyId: holder.id,
      recipientAgencyId: recipient.id,
      category: "identity",
    });
    const recordedBy = consentRecordedBy(holder);
    return {
      holderAgencyId: holder.id,
      holderAgencyName: holder.name,
      recipientAgencyName: recipient.name,
      recordedBy,
      callerRecords: recordedBy === "advocate" && keepsConsentsOf(actor, holder.id),
      consentOnRecord: consentId !== undefined,
    };
  });
}
