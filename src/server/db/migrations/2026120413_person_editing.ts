import type { Kysely } from "kysely";

/**
 * People on a case after intake (issue 13): a person's record carries a version, so two workers
 * editing it at once cannot overwrite each other unseen, and a person taken off a case keeps the
 * link, marked removed, with a removal record of when, by whom and why (the reason sealed, as
 * free text about a person is, bound to the removal's own id so key rotation reaches it). The
 * sealed record, the removal, the audit and the timeline keep the history.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("persons")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable("case_persons").addColumn("removed_at", "text").execute();
  await db.schema
    .createTable("case_person_removals")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("case_id", "text", (c) => c.notNull().references("cases.id").onDelete("cascade"))
    .addColumn("person_id", "text", (c) => c.notNull().references("persons.id"))
    .addColumn("removed_at", "text", (c) => c.notNull())
    .addColumn("removed_by_user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("reason", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("case_person_removals_case_idx")
    .on("case_person_removals")
    .columns(["case_id", "person_id"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("case_person_removals").execute();
  await db.schema.alterTable("case_persons").dropColumn("removed_at").execute();
  await db.schema.alterTable("persons").dropColumn("version").execute();
}
