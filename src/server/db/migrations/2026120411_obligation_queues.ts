import { type Kysely, sql } from "kysely";

/**
 * An unclaimed obligation waits in one queue: its role at the agency holding its case. My work
 * reads that queue soonest due first; with the agency only on `cases`, no index could serve
 * "this role, this agency, by due time", and an office with an empty queue walked every
 * agency's queue for its role (issue 13's bench: 10,800 rows at 100k cases). The holding agency
 * is therefore kept on the obligation too, moved with the case (routing, transfer), and the
 * queue index starts with it. Only unclaimed obligations are in a queue, so the index is partial.
 *
 * The caseload's two broad filters (status, determination) get the urgency order behind them,
 * so "open cases, most urgent first" walks an index instead of sorting every open case.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("obligations")
    // Not null, so no obligation can fall out of every queue. SQLite adds a not-null column only
    // with a default and then refuses a foreign key on it; the value is copied from
    // `cases.agency_id` (which has one) in the statements that set that.
    .addColumn("queue_agency_id", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await sql`update obligations set queue_agency_id =
    (select cases.agency_id from cases where cases.id = obligations.case_id)`.execute(db);
  await db.schema
    .createIndex("obligations_agency_queue_idx")
    .on("obligations")
    .columns(["queue_agency_id", "owner_role", "status", "due_at", "id"])
    .where(sql.ref("owner_user_id"), "is", null)
    .execute();
  for (const filter of ["status", "determination"])
    await db.schema
      .createIndex(`cases_${filter}_urgency`)
      .on("cases")
      .columns([filter, "next_due_at", "received_at", "id"])
      .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  for (const filter of ["status", "determination"])
    await db.schema.dropIndex(`cases_${filter}_urgency`).execute();
  await db.schema.dropIndex("obligations_agency_queue_idx").execute();
  await db.schema.alterTable("obligations").dropColumn("queue_agency_id").execute();
}
