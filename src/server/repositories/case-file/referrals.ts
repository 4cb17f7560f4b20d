import type { ReferralStatus } from "../../../domain/coordination/referral.ts";
import type { ReferralBasis } from "../../access/disclosure.ts";
import { referralIdentityDisclosed, referralVisible } from "../../access/policy.ts";
import { newId } from "../../ids.ts";
import { IDENTITY_SELECTION, openIdentity } from "../person-identity.ts";
import type { Scope } from "../scope.ts";
import { openText, sealOptional, sealText } from "../sealed-text.ts";

export interface NewReferral {
  caseId: string;
  personId: string;
  toAgencyId: string;
  domain: string;
  service: string;
  disclosesIdentity: boolean;
  basis: ReferralBasis;
  consentId: string | null;
  statute: string | null;
}

/**
 * Referrals, as the caller sends them and as its agency receives them: the service sealed at
 * rest (it tells what the person needs), the decline reason too; a referral is answered only
 * by the agency it was sent to.
 */
export class ReferralsRepository {
  constructor(private readonly s: Scope) {}

  /**
   * An agency a referral names (its recipient, or the holder of the person's record), with its
   * kind (the disclosure rule asks it) and name (a refusal says who records the consent).
   */
  recipientAgency(agencyId: string) {
    return this.s.trx
      .selectFrom("agencies")
      .select(["id", "kind", "name"])
      .where("id", "=", agencyId)
      .executeTakeFirst();
  }

  /** Sends a referral from the caller's agency, with the disclosure basis it was allowed on. */
  async send(r: NewReferral): Promise<string> {
    const id = newId();
    await this.s.trx
      .insertInto("referrals")
      .values({
        id,
        case_id: r.caseId,
        person_id: r.personId,
        from_agency_id: this.s.actor.agencyId,
        to_agency_id: r.toAgencyId,
        domain: r.domain,
        service: sealText(this.s.keyring, "referrals", "service", id, r.service),
        discloses_identity: r.disclosesIdentity ? 1 : 0,
        disclosure_basis: r.basis,
        consent_id: r.consentId,
        statute: r.statute,
        status: "sent",
        reason: null,
        sent_by_user_id: this.s.actor.userId,
        sent_at: this.s.nowIso,
        updated_at: this.s.nowIso,
        version: 1,
      })
      .execute();
    return id;
  }

  /** A referral sent to the caller's agency; to any other agency it does not exist. */
  findIncoming(referralId: string) {
    return this.s.trx
      .selectFrom("referrals")
      .select(["id", "case_id", "from_agency_id", "status", "version"])
      .where("id", "=", referralId)
      .where("to_agency_id", "=", this.s.actor.agencyId)
      .executeTakeFirst();
  }

  /**
   * A referral the caller may see on its case file (the policy's visibility filter), with who
   * sent it and to whom: the withdrawal asks these. One hidden from the caller does not exist.
   */
  async findVisible(referralId: string) {
    const row = await this.s.trx
      .selectFrom("referrals")
      .select(["id", "case_id", "from_agency_id", "to_agency_id", "status", "version"])
      .where("referrals.id", "=", referralId)
      .where(referralVisible(this.s.actor, this.s.nowIso))
      .executeTakeFirst();
    return row && { ...row, caseId: row.case_id };
  }

  /** Withdraws a referral still `sent` at `version`; false when it was answered meanwhile. */
  async withdraw(referralId: string, version: number): Promise<boolean> {
    const result = await this.s.trx
      .updateTable("referrals")
      .set({ status: "withdrawn", updated_at: this.s.nowIso, version: version + 1 })
      .where("id", "=", referralId)
      .where("status", "=", "sent")
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Records the receiving agency's answer if the referral is still at `version`. */
  async answer(
    referralId: string,
    a: { version: number; status: ReferralStatus; reason?: string | undefined },
  ): Promise<boolean> {
    const result = await this.s.trx
      .updateTable("referrals")
      .set({
        status: a.status,
        reason: sealOptional(this.s.keyring, "referrals", "reason", referralId, a.reason),
        updated_at: this.s.nowIso,
        version: a.version + 1,
      })
      .where("id", "=", referralId)
      .where("to_agency_id", "=", this.s.actor.agencyId)
      .where("version", "=", a.version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /**
   * Referrals waiting on the caller's agency, oldest first. The person's name and birth date
   * are opened only on referrals that still disclose them (the policy's
   * `referralIdentityDisclosed`: a consent revoked or expired since stops it); the others are
   * never decrypted. Says whose identity was disclosed, for the audit row.
   */
  async listIncoming() {
    const rows = await this.s.trx
      .selectFrom("referrals")
      .innerJoin("cases", "cases.id", "referrals.case_id")
      .innerJoin("persons", "persons.id", "referrals.person_id")
      .leftJoin("consents", "consents.id", "referrals.consent_id")
      .select([
        "referrals.id",
        "referrals.case_id",
        "cases.case_number",
        "referrals.domain",
        "referrals.service",
        "referrals.status",
        "referrals.sent_at",
        "referrals.version",
        "referrals.disclosure_basis",
        "persons.id as person_id",
        ...IDENTITY_SELECTION,
        "persons.age_years",
      ])
      .select(referralIdentityDisclosed(this.s.nowIso).as("identity_disclosed"))
      .where("referrals.to_agency_id", "=", this.s.actor.agencyId)
      .where("referrals.status", "in", ["sent", "accepted"])
      .orderBy("referrals.sent_at")
      .limit(500)
      .execute();
    const disclosed = rows.filter((r) => Number(r.identity_disclosed) === 1);
    return {
      referrals: rows.map((r) => ({
        id: r.id,
        caseId: r.case_id,
        caseNumber: r.case_number,
        domain: r.domain,
        service: openText(this.s.keyring, "referrals", "service", r.id, r.service),
        status: r.status,
        sentAt: r.sent_at,
        version: r.version,
        disclosureBasis: r.disclosure_basis,
        ageYears: r.age_years,
        identity: disclosed.includes(r)
          ? openIdentity(this.s.keyring, { ...r, id: r.person_id }, [
              "givenName",
              "familyName",
              "birthDate",
            ])
          : {},
      })),
      disclosedPersonIds: disclosed.map((r) => r.person_id),
    };
  }

  /** How many of the case's referrals still wait for the receiving agency's answer (sent). */
  async pendingOnCase(caseId: string): Promise<number> {
    const row = await this.s.trx
      .selectFrom("referrals")
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .where("case_id", "=", caseId)
      .where("status", "=", "sent")
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
