import { sql, type Transaction } from "kysely";
import type { Database } from "../../db/schema.ts";

/**
 * Keeps `cases.next_due_at`, the due time of the case's most urgent open obligation, in step
 * with its obligations, so that a caseload sorts by urgency from an index. Called by every
 * write that opens, meets, closes or retires an obligation, in the same transaction.
 */
export async function refreshCaseUrgency(
  trx: Transaction<Database>,
  by: { caseId: string } | { obligationId: string },
): Promise<void> {
  const caseId =
    "caseId" in by
      ? sql<string>`${by.caseId}`
      : sql<string>`(select o.case_id from obligations o where o.id = ${by.obligationId})`;
  await trx
    .updateTable("cases")
    .set((eb) => ({
      next_due_at: eb
        .selectFrom("obligations")
        .select((o) => o.fn.min("obligations.due_at").as("d"))
        .whereRef("obligations.case_id", "=", "cases.id")
        .where("obligations.status", "=", "open"),
    }))
    .where("cases.id", "=", caseId)
    .execute();
}
