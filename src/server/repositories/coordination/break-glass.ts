import { newId } from "../../ids.ts";
import type { Scope } from "../scope.ts";
import { sealText } from "../sealed-text.ts";

/**
 * Emergency (break-glass) access: the caller's time-limited reach into a case outside their
 * scope. The case is looked up WITHOUT the scope filter on purpose (reaching beyond the scope is
 * what break-glass is), and only for the agency that holds it, which must be told.
 */
export class BreakGlassRepository {
  constructor(private readonly s: Scope) {}

  /** The agency holding the case, whoever may see it; undefined when there is no such case. */
  async holderOf(caseId: string): Promise<string | undefined> {
    const row = await this.s.trx
      .selectFrom("cases")
      .select("agency_id")
      .where("id", "=", caseId)
      .executeTakeFirst();
    return row?.agency_id;
  }

  /** Opens access to the case for the caller until `expiresAt`; the reason is sealed at rest. */
  async open(caseId: string, access: { reason: string; expiresAt: string }): Promise<string> {
    const id = newId();
    await this.s.trx
      .insertInto("break_glass")
      .values({
        id,
        user_id: this.s.actor.userId,
        case_id: caseId,
        reason: sealText(this.s.keyring, "break_glass", "reason", id, access.reason),
        opened_at: this.s.nowIso,
        expires_at: access.expiresAt,
      })
      .execute();
    return id;
  }
}

/** The notice to the holding agency that someone opened one of its cases by break-glass. */
export class BreakGlassNoticesRepository {
  constructor(private readonly s: Scope) {}

  /** Tells the agency: the case, who opened it and until when (never the typed reason). */
  async tellHolder(holderAgencyId: string, caseId: string, expiresAt: string): Promise<void> {
    await this.s.trx
      .insertInto("notifications")
      .values({
        id: newId(),
        agency_id: holderAgencyId,
        user_id: null,
        kind: "break_glass_opened",
        data: JSON.stringify({
          caseId,
          byUserId: this.s.actor.userId,
          byAgencyId: this.s.actor.agencyId,
          expiresAt,
        }),
        created_at: this.s.nowIso,
      })
      .execute();
  }
}
