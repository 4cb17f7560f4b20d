import type { Kysely } from "kysely";

/**
 * Indexes that fit the work queues and case lists, so their cost follows the rows they answer,
 * not the size of the state (issue 12, part 4):
 * - obligations by case, status and due time: a page's open and overdue counts are index ranges
 *   (it replaces the index on case_id alone, which is its prefix);
 * - obligations by owner role, status and due time (then id): "My work" walks its role's open
 *   obligations in due order and stops at the page (the owner is not a column of it: PostgreSQL
 *   would not read `owner_user_id is null` as fixing that column, and sort instead of walking);
 * - obligations by owner, only those that have one (a partial index): almost none has, which
 *   SQLite's statistics cannot tell, so with the whole column indexed it walked "owner is
 *   null" (every unassigned obligation) instead of the role's queue;
 * - cases by status and received time: the open-cases queue walks open cases oldest first;
 * - the case team by user, then case: a team-scoped list starts from the caller's own teams
 *   (it replaces the index on user_id alone, which is its prefix);
 * - Rapid Assessment Teams by task force: the cases a lead's task force convened.
 * The migration runner analyses the database after migrating, so the planner sees them.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("obligations_case_status_due_idx")
    .on("obligations")
    .columns(["case_id", "status", "due_at"])
    .execute();
  await db.schema.dropIndex("obligations_case_idx").execute();
  await db.schema
    .createIndex("obligations_role_queue_idx")
    .on("obligations")
    .columns(["owner_role", "status", "due_at", "id"])
    .execute();
  await db.schema.dropIndex("obligations_owner_idx").execute();
  await db.schema
    .createIndex("obligations_owned_idx")
    .on("obligations")
    .columns(["owner_user_id", "status", "due_at"])
    .where("owner_user_id", "is not", null)
    .execute();
  await db.schema
    .createIndex("cases_status_received_idx")
    .on("cases")
    .columns(["status", "received_at"])
    .execute();
  await db.schema
    .createIndex("case_team_user_case_idx")
    .on("case_team")
    .columns(["user_id", "case_id"])
    .execute();
  await db.schema.dropIndex("case_team_user_idx").execute();
  await db.schema
    .createIndex("rat_teams_task_force_idx")
    .on("rat_teams")
    .columns(["task_force_id", "case_id"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("rat_teams_task_force_idx").execute();
  await db.schema.createIndex("case_team_user_idx").on("case_team").column("user_id").execute();
  await db.schema.dropIndex("case_team_user_case_idx").execute();
  await db.schema.dropIndex("cases_status_received_idx").execute();
  await db.schema.dropIndex("obligations_owned_idx").execute();
  await db.schema
    .createIndex("obligations_owner_idx")
    .on("obligations")
    .columns(["owner_user_id", "status", "due_at"])
    .execute();
  await db.schema.dropIndex("obligations_role_queue_idx").execute();
  await db.schema.createIndex("obligations_case_idx").on("obligations").column("case_id").execute();
  await db.schema.dropIndex("obligations_case_status_due_idx").execute();
}
