import { caseInScope } from "../../access/policy.ts";
import type { CaseRow } from "../../db/schema.ts";
import type { Scope } from "../scope.ts";

/** Case rows, as the caller may reach them: every query carries the policy's scope filter. */
export class CasesRepository {
  constructor(private readonly s: Scope) {}

  /** The case if it is within the caller's scope; out of scope reads like nonexistent. */
  findInScope(caseId: string): Promise<CaseRow | undefined> {
    return this.s.trx
      .selectFrom("cases")
      .selectAll()
      .where("cases.id", "=", caseId)
      .where(caseInScope(this.s.actor, this.s.nowIso))
      .executeTakeFirst();
  }

  /**
   * Closes or reopens the case if it is still at `version` (optimistic: the caller saw that
   * version). Answers false when someone changed it meanwhile; nothing is written then.
   */
  async changeStatus(
    caseId: string,
    change: { version: number; status: string; outcome: string | null },
  ): Promise<boolean> {
    const result = await this.s.trx
      .updateTable("cases")
      .set({
        status: change.status,
        outcome: change.outcome,
        closed_at: change.status === "closed" ? this.s.nowIso : null,
        updated_at: this.s.nowIso,
        version: change.version + 1,
      })
      .where("id", "=", caseId)
      .where("version", "=", change.version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
