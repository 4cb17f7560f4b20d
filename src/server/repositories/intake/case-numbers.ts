import type { Transaction } from "kysely";
import type { Database } from "../../db/schema.ts";

/**
 * Allocates the next human-readable case number (MS-2026-000123) inside the caller's transaction,
 * in one statement: the year's counter row is created at 1 or incremented (INSERT … ON CONFLICT
 * DO UPDATE … RETURNING, on both databases). PostgreSQL holds the row lock until commit and
 * SQLite has one writer, so two concurrent intakes can never read the same value, and a
 * rolled-back intake leaves no gap that another committed case could reuse.
 */
export async function allocateCaseNumber(
  trx: Transaction<Database>,
  year: number,
): Promise<string> {
  const row = await trx
    .insertInto("case_number_counters")
    .values({ year, last_value: 1 })
    .onConflict((oc) =>
      oc.column("year").doUpdateSet((eb) => ({
        last_value: eb("case_number_counters.last_value", "+", 1),
      })),
    )
    .returning("last_value")
    .executeTakeFirstOrThrow();
  return formatCaseNumber(year, Number(row.last_value));
}

export function formatCaseNumber(year: number, sequence: number): string {
  return `MS-${year}-${String(sequence).padStart(6, "0")}`;
}

export const CASE_NUMBER_PATTERN = /^MS-\d{4}-\d{6,}$/;
