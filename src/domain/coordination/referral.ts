/**
 * Referrals to providers and the rules for disclosing a victim's identity with one. Identity
 * leaves the agency that holds it only under the victim's written consent (VAWA, 34 U.S.C.
 * 12291(b)(2)) or a statute that requires the report, and the referral records which.
 */
export const REFERRAL_STATUSES = ["sent", "accepted", "declined", "completed"] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Which answers the receiving agency may give from each status. */
export const REFERRAL_TRANSITIONS: Record<ReferralStatus, readonly ReferralStatus[]> = {
  sent: ["accepted", "declined"],
  accepted: ["completed", "declined"],
  declined: [],
  completed: [],
};

export const STATUTORY_BASES = {
  cps_report_minor: {
    citation: "Miss. Code § 43-21-353; § 97-3-54.1(4)",
    appliesWhen: "the recipient is CPS and the person is a minor victim",
  },
} as const;
export type StatutoryBasis = keyof typeof STATUTORY_BASES;

export type DisclosureDecision =
  | { allowed: true; basis: "none" | "same_agency" | "consent" | StatutoryBasis }
  | { allowed: false; code: "consent_required" | "statutory_basis_not_met" };

/** Whether a referral may carry the person's identity to the recipient, and on what basis. */
export function referralDisclosure(input: {
  disclosesIdentity: boolean;
  holderAgencyId: string;
  recipientAgencyId: string;
  recipientKind: string;
  minorVictim: boolean;
  hasValidConsent: boolean;
  statutoryBasis: StatutoryBasis | undefined;
}): DisclosureDecision {
  if (!input.disclosesIdentity) return { allowed: true, basis: "none" };
  if (input.holderAgencyId === input.recipientAgencyId)
    return { allowed: true, basis: "same_agency" };
  if (input.statutoryBasis === "cps_report_minor") {
    return input.recipientKind === "cps" && input.minorVictim
      ? { allowed: true, basis: "cps_report_minor" }
      : { allowed: false, code: "statutory_basis_not_met" };
  }
  return input.hasValidConsent
    ? { allowed: true, basis: "consent" }
    : { allowed: false, code: "consent_required" };
}
