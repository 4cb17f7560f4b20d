import { mayCloseObligation } from "../../access/policy.ts";
import type { Scope } from "../scope.ts";
import { openJson, openOptional } from "../sealed-text.ts";

/** A case's obligations as its file shows them (the writes live in repositories/obligations/). */
export class ObligationReadingRepository {
  constructor(private readonly s: Scope) {}

  /**
   * The case's obligations, soonest due first: what the law requires, of whom, by when, and what
   * was done (reasons and evidence opened), with whether the caller may record the outcome.
   */
  async listForCase(caseId: string) {
    const rows = await this.s.trx
      .selectFrom("obligations")
      .selectAll()
      .where("case_id", "=", caseId)
      .orderBy("due_at")
      .orderBy("action_id")
      .execute();
    const { actor, keyring } = this.s;
    return rows.map((o) => ({
      id: o.id,
      actionId: o.action_id,
      ownerRole: o.owner_role,
      status: o.status,
      dueAt: o.due_at,
      closedAt: o.closed_at,
      reason: openOptional(keyring, "obligations", "reason", o.id, o.reason),
      evidence: openJson(keyring, "obligations", "evidence", o.id, o.evidence),
      version: o.version,
      mayClose: o.status === "open" && mayCloseObligation(actor, o),
    }));
  }
}
