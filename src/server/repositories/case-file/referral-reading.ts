import { mayWithdrawReferral, referralVisible } from "../../access/policy.ts";
import type { Scope } from "../scope.ts";
import { openOptional, openText } from "../sealed-text.ts";

/** Referrals as one caller may read them: the policy's visibility filter is in every query. */
export class ReferralReadingRepository {
  constructor(private readonly s: Scope) {}

  /**
   * The case's referrals the caller may see, oldest first: to whom, for what, and on what basis
   * identity went with them. One sent by another victim-services agency is left out unless the
   * caller's agency received it or the person consented: its service tells what they need.
   * `mayWithdraw` is the policy's answer for one not yet answered, given whether the caller
   * sends referrals on this case (`sends`, the case's `sendReferral` ability).
   */
  async listVisible(caseId: string, sends: boolean) {
    const rows = await this.s.trx
      .selectFrom("referrals")
      .innerJoin("agencies", "agencies.id", "referrals.to_agency_id")
      .select([
        "referrals.id",
        "referrals.person_id as personId",
        "referrals.to_agency_id as toAgencyId",
        "agencies.name as toAgencyName",
        "referrals.domain",
        "referrals.service",
        "referrals.status",
        "referrals.reason",
        "referrals.disclosure_basis as disclosureBasis",
        "referrals.statute",
        "referrals.consent_id as consentId",
        "referrals.sent_at as sentAt",
        "referrals.version",
        "referrals.from_agency_id",
      ])
      .where("referrals.case_id", "=", caseId)
      .where(referralVisible(this.s.actor, this.s.nowIso))
      .orderBy("referrals.sent_at")
      .execute();
    return rows.map(({ from_agency_id, ...r }) => ({
      ...r,
      mayWithdraw:
        sends && r.status === "sent" && mayWithdrawReferral(this.s.actor, { from_agency_id }),
      service: openText(this.s.keyring, "referrals", "service", r.id, r.service),
      reason: openOptional(this.s.keyring, "referrals", "reason", r.id, r.reason),
    }));
  }
}
