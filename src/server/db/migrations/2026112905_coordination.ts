import { type Kysely, sql } from "kysely";

// Case coordination (issue 5): certifications, task forces and their on-call roster, Rapid
// Assessment Teams, service plans, referrals, notes and documents. Portable types only.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A closed case's outcome, from the closed list the annual statistics count.
  await db.schema.alterTable("cases").addColumn("outcome", "text").execute();
  await db.schema
    .createTable("certifications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("certified_by", "text", (c) => c.notNull())
    .addColumn("reference", "text")
    // Calendar dates (YYYY-MM-DD, America/Chicago): a certification is valid through its last day.
    .addColumn("issued_on", "text", (c) => c.notNull())
    .addColumn("expires_on", "text", (c) => c.notNull())
    .addColumn("recorded_by_user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("certifications_user_idx")
    .on("certifications")
    .columns(["user_id", "kind"])
    .execute();

  await db.schema
    .createTable("task_forces")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("task_force_members")
    .addColumn("task_force_id", "text", (c) => c.notNull().references("task_forces.id"))
    .addColumn("membership_id", "text", (c) => c.notNull().references("memberships.id"))
    .addColumn("added_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("task_force_members_pk", ["task_force_id", "membership_id"])
    .execute();
  await db.schema
    .createTable("on_call_shifts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("task_force_id", "text", (c) => c.notNull().references("task_forces.id"))
    .addColumn("membership_id", "text", (c) => c.notNull().references("memberships.id"))
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("ends_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("on_call_shifts_idx")
    .on("on_call_shifts")
    .columns(["task_force_id", "ends_at"])
    .execute();

  await db.schema
    .createTable("rat_teams")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("case_id", "text", (c) =>
      c.notNull().unique().references("cases.id").onDelete("cascade"),
    )
    .addColumn("task_force_id", "text", (c) => c.notNull().references("task_forces.id"))
    .addColumn("requested_at", "text", (c) => c.notNull())
    .addColumn("requested_by_user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("formed_at", "text")
    // Milliseconds from the tip (the case's received time) to the third accepted seat.
    .addColumn("formation_ms", "integer")
    .execute();
  await db.schema
    .createTable("rat_seats")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("rat_id", "text", (c) => c.notNull().references("rat_teams.id").onDelete("cascade"))
    .addColumn("seat", "text", (c) => c.notNull())
    .addColumn("membership_id", "text", (c) => c.notNull().references("memberships.id"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("offered_at", "text", (c) => c.notNull())
    .addColumn("responded_at", "text")
    .addColumn("reason", "text")
    .addCheckConstraint(
      "rat_seats_status_check",
      sql`status in ('offered', 'accepted', 'declined', 'withdrawn')`,
    )
    .execute();
  await db.schema.createIndex("rat_seats_rat_idx").on("rat_seats").column("rat_id").execute();
  await db.schema
    .createIndex("rat_seats_member_idx")
    .on("rat_seats")
    .columns(["membership_id", "status"])
    .execute();

  await db.schema
    .createTable("service_plans")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("case_id", "text", (c) => c.notNull().references("cases.id").onDelete("cascade"))
    .addColumn("person_id", "text", (c) => c.notNull().references("persons.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("created_by_user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex("service_plans_case_idx")
    .on("service_plans")
    .column("case_id")
    .execute();
  await db.schema
    .createTable("plan_items")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("plan_id", "text", (c) =>
      c.notNull().references("service_plans.id").onDelete("cascade"),
    )
    .addColumn("domain", "text", (c) => c.notNull())
    // Need and goal are the victim's story in brief: encrypted like identity fields.
    .addColumn("need", "text", (c) => c.notNull())
    .addColumn("goal", "text")
    .addColumn("service", "text", (c) => c.notNull())
    .addColumn("provider_agency_id", "text", (c) => c.references("agencies.id"))
    .addColumn("starts_on", "text")
    .addColumn("ends_on", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("plan_items_plan_idx").on("plan_items").column("plan_id").execute();

  await db.schema
    .createTable("referrals")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("case_id", "text", (c) => c.notNull().references("cases.id").onDelete("cascade"))
    .addColumn("person_id", "text", (c) => c.notNull().references("persons.id"))
    .addColumn("from_agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("to_agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("domain", "text", (c) => c.notNull())
    .addColumn("service", "text", (c) => c.notNull())
    .addColumn("discloses_identity", "integer", (c) => c.notNull())
    .addColumn("disclosure_basis", "text", (c) => c.notNull())
    .addColumn("consent_id", "text", (c) => c.references("consents.id"))
    .addColumn("statute", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("sent_by_user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("sent_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addCheckConstraint(
      "referrals_status_check",
      sql`status in ('sent', 'accepted', 'declined', 'completed')`,
    )
    .execute();
  await db.schema.createIndex("referrals_case_idx").on("referrals").column("case_id").execute();
  await db.schema
    .createIndex("referrals_to_idx")
    .on("referrals")
    .columns(["to_agency_id", "status"])
    .execute();

  await db.schema
    .createTable("case_notes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("case_id", "text", (c) => c.notNull().references("cases.id").onDelete("cascade"))
    .addColumn("about_person_id", "text", (c) => c.references("persons.id"))
    .addColumn("author_user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("author_agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("confidential", "integer", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("case_notes_case_idx")
    .on("case_notes")
    .columns(["case_id", "created_at"])
    .execute();

  await db.schema
    .createTable("case_documents")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("case_id", "text", (c) => c.notNull().references("cases.id").onDelete("cascade"))
    .addColumn("about_person_id", "text", (c) => c.references("persons.id"))
    .addColumn("uploaded_by_user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("confidential", "integer", (c) => c.notNull())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("media_type", "text", (c) => c.notNull())
    .addColumn("size_bytes", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("scan_status", "text", (c) => c.notNull())
    // AES-256-GCM ciphertext of the file, base64url: kept in the database so that an upload and
    // its audit row commit together and backups hold both.
    .addColumn("content", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("case_documents_case_idx")
    .on("case_documents")
    .column("case_id")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "case_documents",
    "case_notes",
    "referrals",
    "plan_items",
    "service_plans",
    "rat_seats",
    "rat_teams",
    "on_call_shifts",
    "task_force_members",
    "task_forces",
    "certifications",
  ])
    await db.schema.dropTable(table).execute();
  await db.schema.alterTable("cases").dropColumn("outcome").execute();
}
