import type { Kysely } from "kysely";

/**
 * The notification centre (issue 13 item 10). A notification to an agency is shared by its
 * members, so whether it was read belongs to each person, not to the notification: one row per
 * person who read it. The notification's own `read_at` (never written) goes, so there is one
 * answer to "has she read it". A person's own notifications are listed newest first by index.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("notification_reads")
    .addColumn("notification_id", "text", (c) => c.notNull().references("notifications.id"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("read_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("notification_reads_pk", ["user_id", "notification_id"])
    .execute();
  await db.schema
    .createIndex("notifications_user_idx")
    .on("notifications")
    .columns(["user_id", "created_at"])
    .execute();
  await db.schema.alterTable("notifications").dropColumn("read_at").execute();
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("notifications").addColumn("read_at", "text").execute();
  await db.schema.dropIndex("notifications_user_idx").execute();
  await db.schema.dropTable("notification_reads").execute();
}
