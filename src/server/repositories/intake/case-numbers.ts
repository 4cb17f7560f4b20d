import type { Transaction } from "kysely";
import type { Database } from "../../db/schema.ts";

/**
 * Allocates the next human-readable case number (MS-2026-000123) inside the caller's transaction.
 * The counter row is created if missing (ON CONFLICT DO NOTHING), then incremented with
 * UPDATE … RETURNING: PostgreSQL holds the row lock until commit and SQLite has one writer, so
 * two concurrent intakes can never read the same value, and a rolled-back intake leaves no gap
 * that another committed case could reuse.
 */
export async function allocateCaseNumber(
  trx: Transaction<Database>,
  year: number,
): Promise<string> {
  await trx
    .insertInto("case_number_counters")
    .values({ year, last_value: 0 })
    .onConflict((oc) => oc.column("year").doNothing())
    .execute();
  const row = await trx
    .updateTable("case_number_counters")
    .set((eb) => ({ last_value: eb("last_value", "+", 1) }))
    .where("year", "=", year)
    .returning("last_value")
    .executeTakeFirstOrThrow();
  return formatCaseNumber(year, Number(row.last_value));
}

export function formatCaseNumber(year: number, sequence: number): string {
  return `MS-${year}-${String(sequence).padStart(6, "0")}`;
}

export const CASE_NUMBER_PATTERN = /^MS-\d{4}-\d{6,}$/;
