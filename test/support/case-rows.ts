import type { Kysely, Transaction } from "kysely";
import type { CaseRow, Database } from "../../src/server/db/schema.ts";

/**
 * A case row as stored, with no access scope: for tests that check what was written. Production
 * code reads cases only through the caller's repositories (CasesRepository.findInScope), so it
 * has no unscoped read to reach for.
 */
export function findCaseById(
  db: Kysely<Database> | Transaction<Database>,
  id: string,
): Promise<CaseRow | undefined> {
  return db.selectFrom("cases").selectAll().where("id", "=", id).executeTakeFirst();
}

/** A case's timeline as stored, oldest first, with no visibility filter (storage, not access). */
export async function storedCaseEvents(db: Kysely<Database>, caseId: string) {
  const rows = await db
    .selectFrom("case_events")
    .selectAll()
    .where("case_id", "=", caseId)
    .orderBy("occurred_at")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ ...r, data: JSON.parse(r.data) as Record<string, unknown> }));
}
