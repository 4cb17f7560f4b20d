import type { Actor } from "../../access/actor.ts";
import { consentHolderFor, consentRecordedBy } from "../../access/policy.ts";
import type { CaseWork } from "../../unit-of-work/on-case.ts";

/** An agency named in a consent step: which one, its kind, and its name (no personal data). */
export interface NamedAgency {
  id: string;
  kind: string;
  name: string;
}

/**
 * The agency whose record a disclosure by the caller about a person on the case releases (the
 * policy's `consentHolderFor`; the unit of work already found the case in the caller's scope,
 * so the caller serves the person), with its name.
 */
export async function consentHolderOnCase(
  w: Pick<CaseWork, "repos">,
  actor: Actor,
  personAgencyId: string,
): Promise<NamedAgency> {
  const takenIn = await w.repos.referrals.recipientAgency(personAgencyId);
  if (!takenIn) throw new Error(`a person's holding agency ${personAgencyId} does not exist`);
  const holder = consentHolderFor(actor, { holder: takenIn, servedByActor: true });
  if (holder.id === takenIn.id) return takenIn;
  return (await w.repos.referrals.recipientAgency(holder.id)) ?? { ...holder, name: "" };
}

/**
 * The refusal's plain words: who records the consent the name needs, or, when the holder's
 * record is not released by consent in Waypoint, what to do instead. Agency names only.
 */
export function consentStepWords(holder: NamedAgency, recipientName: string): string {
  return consentRecordedBy(holder) === "advocate"
    ? `An advocate at ${holder.name} records the person's written consent to share their name with ${recipientName}; then send the referral again.`
    : `${holder.name} does not keep consents in Waypoint: send the referral without the name, name the statute that covers it, or ask the person's advocate to send it under their consent.`;
}
