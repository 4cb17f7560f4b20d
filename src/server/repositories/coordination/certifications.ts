import {
  CERTIFICATION_KINDS,
  type CertificationKind,
} from "../../../domain/coordination/rapid-assessment-team.ts";
import { isRole, type Role } from "../../../domain/roles.ts";
import { newId } from "../../ids.ts";
import type { Scope } from "../scope.ts";

/**
 * People's certifications (HT Task Force Board training, Attorney General's advocate list), with
 * their issue and expiry dates: what makes someone eligible for a Rapid Assessment Team seat.
 */
export class CertificationsRepository {
  constructor(private readonly s: Scope) {}

  /**
   * The person's memberships (agency and role), which the policy asks to decide who may manage
   * their certifications; none when there is no such person.
   */
  async membershipsOf(userId: string): Promise<{ agencyId: string; role: Role }[]> {
    const rows = await this.s.trx
      .selectFrom("memberships")
      .innerJoin("users", "users.id", "memberships.user_id")
      .select(["memberships.agency_id as agencyId", "memberships.role"])
      .where("memberships.user_id", "=", userId)
      .execute();
    return rows.flatMap((m) => (isRole(m.role) ? [{ agencyId: m.agencyId, role: m.role }] : []));
  }

  /** Records a certification by the caller; the certifying body follows from its kind. */
  async record(
    userId: string,
    c: { kind: CertificationKind; issuedOn: string; expiresOn: string; reference?: string },
  ): Promise<string> {
    const id = newId();
    await this.s.trx
      .insertInto("certifications")
      .values({
        id,
        user_id: userId,
        kind: c.kind,
        certified_by: CERTIFICATION_KINDS[c.kind].certifiedBy,
        reference: c.reference ?? null,
        issued_on: c.issuedOn,
        expires_on: c.expiresOn,
        recorded_by_user_id: this.s.actor.userId,
        created_at: this.s.nowIso,
      })
      .execute();
    return id;
  }

  /** One person's certifications in full, latest expiry first. */
  listFor(userId: string) {
    return this.s.trx
      .selectFrom("certifications")
      .select([
        "id",
        "kind",
        "certified_by as certifiedBy",
        "reference",
        "issued_on as issuedOn",
        "expires_on as expiresOn",
      ])
      .where("user_id", "=", userId)
      .orderBy("expires_on", "desc")
      .execute();
  }

  /** The kinds and dates of the certifications the given people hold (what seat rules read). */
  async heldBy(
    userIds: readonly string[],
  ): Promise<{ userId: string; kind: string; issuedOn: string; expiresOn: string }[]> {
    if (userIds.length === 0) return [];
    return this.s.trx
      .selectFrom("certifications")
      .select(["user_id as userId", "kind", "issued_on as issuedOn", "expires_on as expiresOn"])
      .where("user_id", "in", userIds)
      .execute();
  }
}
