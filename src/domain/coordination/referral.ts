/**
 * Referrals to providers. Identity leaves the agency that holds it only under the victim's
 * written consent (VAWA, 34 U.S.C. 12291(b)(2)) or a statute that requires the report, and the
 * referral records which: the access policy decides it (src/server/access/disclosure.ts,
 * `referralDisclosure`), with the statutes named here.
 */
export const REFERRAL_STATUSES = [
  "sent",
  "accepted",
  "declined",
  "completed",
  "withdrawn",
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/**
 * Which answers the receiving agency may give from each status. A referral still `sent` may
 * instead be withdrawn by the agency that sent it (`REFERRAL_WITHDRAWABLE`): it ends there.
 */
export const REFERRAL_TRANSITIONS: Record<ReferralStatus, readonly ReferralStatus[]> = {
  sent: ["accepted", "declined"],
  accepted: ["completed", "declined"],
  declined: [],
  completed: [],
  withdrawn: [],
};

/** The status from which the sending agency may withdraw a referral: not yet answered. */
export const REFERRAL_WITHDRAWABLE: ReferralStatus = "sent";

export const STATUTORY_BASES = {
  cps_report_minor: {
    citation: "Miss. Code § 43-21-353; § 97-3-54.1(4)",
    appliesWhen: "the recipient is CPS and the person is a minor victim",
  },
} as const;
export type StatutoryBasis = keyof typeof STATUTORY_BASES;
