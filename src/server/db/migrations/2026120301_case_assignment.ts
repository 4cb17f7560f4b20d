import type { Kysely } from "kysely";

/**
 * Named owners (issue 13): each case has an assigned worker at its holding agency, and a case
 * row carries the due time of its most urgent open obligation so that a caseload sorts by
 * urgency from an index instead of computing it per case. `next_due_at` is kept by the
 * obligations repository whenever an obligation is planned, met or retired.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("cases").addColumn("assigned_user_id", "text").execute();
  await db.schema.alterTable("cases").addColumn("next_due_at", "text").execute();
  await db.schema
    .createIndex("cases_assigned_status")
    .on("cases")
    .columns(["assigned_user_id", "status"])
    .execute();
  // Existing cases: their earliest open obligation with a clock.
  await db
    .updateTable("cases")
    .set((eb) => ({
      next_due_at: eb
        .selectFrom("obligations")
        .select((o) => o.fn.min("obligations.due_at").as("d"))
        .whereRef("obligations.case_id", "=", "cases.id")
        .where("obligations.status", "=", "open"),
    }))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("cases_assigned_status").execute();
  await db.schema.alterTable("cases").dropColumn("next_due_at").execute();
  await db.schema.alterTable("cases").dropColumn("assigned_user_id").execute();
}
