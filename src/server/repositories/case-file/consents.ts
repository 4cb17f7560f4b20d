import { sql } from "kysely";
import type { ConsentCategory } from "../../../domain/roles.ts";
import { caseInScope, consentValidNow } from "../../access/policy.ts";
import { newId } from "../../ids.ts";
import type { Scope } from "../scope.ts";
import { openText, sealText } from "../sealed-text.ts";

export interface NewConsent {
  personId: string;
  holderAgencyId: string;
  recipientAgencyId: string;
  givenByPersonId: string;
  categories: readonly ConsentCategory[];
  purpose: string;
  form: string;
  expiresAt: string;
}

/**
 * Consent records (VAWA, 34 U.S.C. 12291(b)(2)): the purpose sealed at rest; whether one is
 * valid is asked of the policy's one SQL rule (`consentValidNow`), never worked out here.
 */
export class ConsentsRepository {
  constructor(private readonly s: Scope) {}

  /**
   * The person a consent would be about: the agency that took them in and its kind, and whether
   * the caller serves them (the person is on a case the caller reaches: the policy's
   * `caseInScope`), which the holder rule (`consentHolderFor`) asks.
   */
  async personRecord(personId: string) {
    const { actor, nowIso } = this.s;
    const row = await this.s.trx
      .selectFrom("persons")
      .innerJoin("agencies", "agencies.id", "persons.agency_id")
      .select(["persons.id", "persons.agency_id", "persons.age_years", "agencies.kind"])
      .select((eb) =>
        eb
          .exists(
            eb
              .selectFrom("case_persons")
              .innerJoin("cases", "cases.id", "case_persons.case_id")
              .select("cases.id")
              .whereRef("case_persons.person_id", "=", "persons.id")
              .where(caseInScope(actor, nowIso)),
          )
          .as("served"),
      )
      .where("persons.id", "=", personId)
      .executeTakeFirst();
    if (!row) return undefined;
    const { served, ...person } = row;
    return {
      ...person,
      holder: { id: row.agency_id, kind: row.kind },
      servedByActor: Boolean(Number(served)),
    };
  }

  /**
   * Every part the giver has on every case they share with the person (the rule of
   * src/domain/consent.ts bars a suspected part anywhere).
   */
  async giverPartsBeside(giverId: string, personId: string): Promise<string[]> {
    const shared = await this.s.trx
      .selectFrom("case_persons as giver")
      .innerJoin("case_persons as subject", "subject.case_id", "giver.case_id")
      .select("giver.part")
      .where("giver.person_id", "=", giverId)
      .where("subject.person_id", "=", personId)
      .execute();
    return shared.map((s) => s.part);
  }

  /** Records a consent taken by the caller. */
  async record(c: NewConsent): Promise<string> {
    const id = newId();
    await this.s.trx
      .insertInto("consents")
      .values({
        id,
        person_id: c.personId,
        holder_agency_id: c.holderAgencyId,
        recipient_agency_id: c.recipientAgencyId,
        given_by_person_id: c.givenByPersonId,
        categories: JSON.stringify(c.categories),
        purpose: sealText(this.s.keyring, "consents", "purpose", id, c.purpose),
        form: c.form,
        expires_at: c.expiresAt,
        revoked_at: null,
        recorded_by_user_id: this.s.actor.userId,
        created_at: this.s.nowIso,
      })
      .execute();
    return id;
  }

  /**
   * The latest-expiring consent valid now from `holder` to `recipient` about the person that
   * covers the category (a referral records which one it was sent under).
   */
  async validFor(on: {
    personId: string;
    holderAgencyId: string;
    recipientAgencyId: string;
    category: ConsentCategory;
  }): Promise<string | undefined> {
    const row = await this.s.trx
      .selectFrom("consents")
      .select("id")
      .where("person_id", "=", on.personId)
      .where("holder_agency_id", "=", on.holderAgencyId)
      .where(consentValidNow(on.recipientAgencyId, this.s.nowIso, on.category))
      .orderBy("expires_at", "desc")
      .executeTakeFirst();
    return row?.id;
  }

  find(consentId: string) {
    return this.s.trx
      .selectFrom("consents")
      .select(["id", "holder_agency_id", "revoked_at"])
      .where("id", "=", consentId)
      .executeTakeFirst();
  }

  /** Revokes a consent now (a consent already revoked keeps its first revocation time). */
  async revoke(consentId: string): Promise<void> {
    await this.s.trx
      .updateTable("consents")
      .set({ revoked_at: this.s.nowIso })
      .where("id", "=", consentId)
      .where("revoked_at", "is", null)
      .execute();
  }

  /** A person's consents held by `holderAgencyId`, newest first, each with whether it is valid now. */
  async listAbout(personId: string, holderAgencyId: string) {
    // In force for its own recipient: the one rule, asked of the row itself.
    const valid = consentValidNow(sql.ref("consents.recipient_agency_id"), this.s.nowIso);
    const rows = await this.s.trx
      .selectFrom("consents")
      .innerJoin("agencies", "agencies.id", "consents.recipient_agency_id")
      .select([
        "consents.id",
        "consents.recipient_agency_id as recipientAgencyId",
        "agencies.name as recipientAgencyName",
        "consents.categories",
        "consents.purpose",
        "consents.form",
        "consents.expires_at as expiresAt",
        "consents.revoked_at as revokedAt",
        "consents.created_at as createdAt",
      ])
      .select(sql<number>`(case when ${valid} then 1 else 0 end)`.as("valid"))
      .where("consents.person_id", "=", personId)
      .where("consents.holder_agency_id", "=", holderAgencyId)
      .orderBy("consents.created_at", "desc")
      .execute();
    return rows.map(({ valid: v, ...r }) => ({
      ...r,
      purpose: openText(this.s.keyring, "consents", "purpose", r.id, r.purpose),
      categories: JSON.parse(r.categories) as string[],
      valid: Number(v) === 1,
    }));
  }
}
