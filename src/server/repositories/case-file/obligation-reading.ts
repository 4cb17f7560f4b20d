import {
  mayCloseObligation,
  mayReassignObligation,
  mayTakeObligation,
} from "../../access/policy.ts";
import type { Scope } from "../scope.ts";
import { openJson, openOptional } from "../sealed-text.ts";

/** A case's obligations as its file shows them (the writes live in repositories/obligations/). */
export class ObligationReadingRepository {
  constructor(private readonly s: Scope) {}

  /**
   * The case's obligations, soonest due first: what the law requires, of whom, by when, and what
   * was done (reasons and evidence opened), whose it is by name (staff only), and whether the
   * caller may record the outcome, take it from the role's queue, or hand it to someone else.
   */
  async listForCase(caseId: string, c: { agency_id: string }) {
    const rows = await this.s.trx
      .selectFrom("obligations")
      .leftJoin("users", "users.id", "obligations.owner_user_id")
      .selectAll("obligations")
      .select("users.display_name as owner_name")
      .where("obligations.case_id", "=", caseId)
      .orderBy("obligations.due_at")
      .orderBy("obligations.action_id")
      .execute();
    const { actor, keyring } = this.s;
    return rows.map((o) => ({
      id: o.id,
      actionId: o.action_id,
      ownerRole: o.owner_role,
      ownerUserId: o.owner_user_id,
      ownerName: o.owner_name,
      status: o.status,
      dueAt: o.due_at,
      closedAt: o.closed_at,
      reason: openOptional(keyring, "obligations", "reason", o.id, o.reason),
      evidence: openJson(keyring, "obligations", "evidence", o.id, o.evidence),
      version: o.version,
      mayClose: o.status === "open" && mayCloseObligation(actor, o),
      mayTake: o.status === "open" && mayTakeObligation(actor, o, c),
      mayReassign: o.status === "open" && mayReassignObligation(actor, o, c),
    }));
  }
}
