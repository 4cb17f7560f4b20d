import type { Kysely } from "kysely";

// Case intake: stored assessments and the obligations they create (issue 5).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("assessments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("case_id", "text", (c) => c.notNull().references("cases.id").onDelete("cascade"))
    .addColumn("engine_version", "text", (c) => c.notNull())
    .addColumn("facts", "text", (c) => c.notNull())
    .addColumn("determination", "text", (c) => c.notNull())
    .addColumn("result", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by_user_id", "text", (c) => c.references("users.id"))
    .execute();
  await db.schema
    .createIndex("assessments_case_idx")
    .on("assessments")
    .columns(["case_id", "created_at"])
    .execute();

  await db.schema
    .createTable("obligations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("case_id", "text", (c) => c.notNull().references("cases.id").onDelete("cascade"))
    .addColumn("action_id", "text", (c) => c.notNull())
    .addColumn("owner_role", "text", (c) => c.notNull())
    .addColumn("owner_user_id", "text", (c) => c.references("users.id"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("due_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("closed_at", "text")
    .addColumn("closed_by_user_id", "text", (c) => c.references("users.id"))
    .addColumn("evidence", "text")
    .addColumn("reason", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("obligations_case_idx").on("obligations").column("case_id").execute();
  await db.schema
    .createIndex("obligations_open_due_idx")
    .on("obligations")
    .columns(["status", "due_at"])
    .execute();
  await db.schema
    .createIndex("obligations_owner_idx")
    .on("obligations")
    .columns(["owner_user_id", "status", "due_at"])
    .execute();

  // Anonymous public tips: the receipt code lets the sender refer to their tip, nothing more.
  await db.schema
    .createTable("tip_receipts")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("case_id", "text", (c) => c.notNull().references("cases.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["tip_receipts", "obligations", "assessments"])
    await db.schema.dropTable(table).execute();
}
