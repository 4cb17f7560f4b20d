import { dueState } from "../../../domain/obligation-urgency.ts";
import type { Scope } from "../scope.ts";

/**
 * Who answers for a case and what is due next, for the case page's header (issue 13): staff
 * names only, never a victim's. `cases.next_due_at` is kept by refreshCaseUrgency; the
 * obligation it comes from tells whether a report due "immediately" is still in its grace.
 */
export class CaseHolderRepository {
  constructor(private readonly s: Scope) {}

  /** The case's assigned worker, by name, or null when nobody is assigned yet. */
  async assignedWorker(userId: string | null) {
    if (userId === null) return null;
    const row = await this.s.trx
      .selectFrom("users")
      .select(["id", "display_name"])
      .where("id", "=", userId)
      .executeTakeFirst();
    return row ? { userId: row.id, displayName: row.display_name } : null;
  }

  /** The most urgent open obligation's clock, or null when nothing open has a deadline. */
  async nextDue(caseId: string) {
    const row = await this.s.trx
      .selectFrom("obligations")
      .select(["action_id", "due_at"])
      .where("case_id", "=", caseId)
      .where("status", "=", "open")
      .where("due_at", "is not", null)
      .orderBy("due_at")
      .orderBy("action_id")
      .limit(1)
      .executeTakeFirst();
    if (!row || row.due_at === null) return null;
    const o = { actionId: row.action_id, dueAt: row.due_at };
    return { ...o, dueState: dueState(o, new Date(this.s.nowIso)) };
  }
}
