import type { Kysely } from "kysely";

/**
 * People on a case after intake (issue 13): a person's record carries a version, so two workers
 * editing it at once cannot overwrite each other unseen, and a person taken off a case keeps the
 * link, marked removed with when, by whom and why (the reason sealed, as free text about a
 * person is): the sealed record, the audit and the timeline keep the history.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("persons")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable("case_persons").addColumn("removed_at", "text").execute();
  await db.schema.alterTable("case_persons").addColumn("removed_by_user_id", "text").execute();
  await db.schema.alterTable("case_persons").addColumn("removed_reason", "text").execute();
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  for (const c of ["removed_reason", "removed_by_user_id", "removed_at"])
    await db.schema.alterTable("case_persons").dropColumn(c).execute();
  await db.schema.alterTable("persons").dropColumn("version").execute();
}
