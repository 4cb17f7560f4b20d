import type { Kysely } from "kysely";

// What a member of the public wrote with a tip (issue 6's tip form): encrypted, one per case.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("tip_messages")
    .addColumn("case_id", "text", (c) => c.primaryKey().references("cases.id").onDelete("cascade"))
    .addColumn("narrative", "text")
    .addColumn("contact", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("tip_messages").execute();
}
