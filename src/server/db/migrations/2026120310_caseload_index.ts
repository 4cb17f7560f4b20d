import type { Kysely } from "kysely";

/**
 * The caseload (issue 13) sorts by urgency: soonest due first, then newest received. An index
 * in that order lets an agency- or state-scoped list walk it and stop at the page.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("cases_urgency")
    .on("cases")
    .columns(["next_due_at", "received_at", "id"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("cases_urgency").execute();
}
