import type { ConsentInput } from "../../../contract/consent/inputs.ts";
import { type ConsentGiverRefusal, consentGiverRefusal } from "../../../domain/consent.ts";
import type { Actor } from "../../access/actor.ts";
import {
  consentHolderFor,
  holdsConfidentialRecords,
  keepsConsentsOf,
} from "../../access/policy.ts";
import type { AppContext } from "../../context.ts";
import { AppError, badRequest, notFound } from "../../errors.ts";
import { asCaller } from "../../unit-of-work/as-caller.ts";

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
 * time-limited. Only the advocates of the agency whose record it releases record it (the policy's
 * `consentHolderFor`: their own agency's record once it serves the person on a case it reaches;
 * to anyone else the person does not exist). Consent is never a condition of service, so nothing else in
 * Waypoint depends on it existing.
 */
export function recordConsent(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  input: ConsentInput,
): Promise<{ id: string }> {
  const spec = { action: "consent.create", recordType: "person", recordId: personId };
  return asCaller(ctx, actor, spec, async (w) => {
    const expires = new Date(input.expiresAt).getTime();
    if (expires <= w.now.getTime())
      throw badRequest("expiresAt: must be in the future", "expiresAt");
    if (expires - w.now.getTime() > MAX_CONSENT_MS)
      throw badRequest("expiresAt: must be within a year", "expiresAt");
    const person = await w.repos.consents.personRecord(personId);
    const holder = person && consentHolderFor(actor, person);
    if (!person || !holder || !keepsConsentsOf(actor, holder.id))
      throw w.refuse(notFound("person"));
    if (!holdsConfidentialRecords(holder.kind))
      throw new AppError(
        "consent_not_needed",
        "Only victim-services records need a consent to be shared.",
      );
    if (!(await w.repos.agencies.exists(input.recipientAgencyId)))
      throw badRequest("recipientAgencyId: no such agency", "recipientAgencyId");
    const refusal = consentGiverRefusal({
      self: input.givenByPersonId === personId,
      subjectAgeYears: person.age_years,
      giverParts: await w.repos.consents.giverPartsBeside(input.givenByPersonId, personId),
    });
    if (refusal)
      throw new AppError("consent_giver_not_allowed", GIVER_REFUSALS[refusal], "givenByPersonId");
    const id = await w.repos.consents.record({
      personId,
      holderAgencyId: holder.id,
      recipientAgencyId: input.recipientAgencyId,
      givenByPersonId: input.givenByPersonId,
      categories: input.categories,
      purpose: input.purpose,
      form: input.form,
      expiresAt: new Date(expires).toISOString(),
    });
    w.record({
      recordType: "consent",
      recordId: id,
      detail: {
        personId,
        recipientAgencyId: input.recipientAgencyId,
        categories: input.categories.join(","),
      },
    });
    return { id };
  });
}
