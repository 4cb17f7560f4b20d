import { type Kysely, sql } from "kysely";

// Identity, access, consent and audit (issue 4). Portable types only, as every migration.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("memberships")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("memberships_unique", ["user_id", "agency_id", "role"])
    .execute();
  await db.schema
    .createIndex("memberships_agency_idx")
    .on("memberships")
    .column("agency_id")
    .execute();

  // Server-side sessions; `id` is the SHA-256 of the cookie token, never the token itself.
  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("membership_id", "text", (c) => c.notNull().references("memberships.id"))
    .addColumn("csrf_token", "text", (c) => c.notNull())
    .addColumn("mfa_passed", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("client_ip", "text")
    .execute();
  await db.schema.createIndex("sessions_user_idx").on("sessions").column("user_id").execute();

  // Failed logins by account, for the 5-in-15-minutes lockout.
  await db.schema
    .createTable("login_failures")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("login_failures_user_idx")
    .on("login_failures")
    .columns(["user_id", "at"])
    .execute();

  await db.schema
    .createTable("recovery_codes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("code_hash", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema
    .createIndex("recovery_codes_user_idx")
    .on("recovery_codes")
    .column("user_id")
    .execute();

  await db.schema
    .createTable("api_tokens")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("membership_id", "text", (c) => c.notNull().references("memberships.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text")
    .addColumn("revoked_at", "text")
    .addColumn("last_used_at", "text")
    .execute();

  // Who works a case; the first scope of the access policy.
  await db.schema
    .createTable("case_team")
    .addColumn("case_id", "text", (c) => c.notNull().references("cases.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("added_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("case_team_pk", ["case_id", "user_id"])
    .execute();
  await db.schema.createIndex("case_team_user_idx").on("case_team").column("user_id").execute();

  // VAWA/VOCA consent to disclose a victim-services agency's record to another agency.
  await db.schema
    .createTable("consents")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("person_id", "text", (c) => c.notNull().references("persons.id"))
    .addColumn("holder_agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("recipient_agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("given_by_person_id", "text", (c) => c.notNull().references("persons.id"))
    .addColumn("categories", "text", (c) => c.notNull())
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("form", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .addColumn("recorded_by_user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addCheckConstraint("consents_form_check", sql`form in ('signed_form', 'attested')`)
    .execute();
  await db.schema
    .createIndex("consents_person_recipient_idx")
    .on("consents")
    .columns(["person_id", "recipient_agency_id"])
    .execute();

  await db.schema
    .createTable("break_glass")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("case_id", "text", (c) => c.notNull().references("cases.id").onDelete("cascade"))
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("opened_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("break_glass_user_case_idx")
    .on("break_glass")
    .columns(["user_id", "case_id"])
    .execute();

  await db.schema
    .createTable("notifications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.references("agencies.id"))
    .addColumn("user_id", "text", (c) => c.references("users.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("read_at", "text")
    .execute();
  await db.schema
    .createIndex("notifications_agency_idx")
    .on("notifications")
    .columns(["agency_id", "created_at"])
    .execute();

  // Append-only, hash-chained audit trail. `audit_head` holds the last sequence number and hash;
  // appending locks it (UPDATE … RETURNING), which orders concurrent writers into one chain.
  await db.schema
    .createTable("audit_log")
    .addColumn("seq", "integer", (c) => c.primaryKey())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor_user_id", "text")
    .addColumn("actor_agency_id", "text")
    .addColumn("actor_role", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("record_type", "text")
    .addColumn("record_id", "text")
    .addColumn("fields", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("client_ip", "text")
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("detail", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("prev_hash", "text", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .addCheckConstraint("audit_outcome_check", sql`outcome in ('allowed', 'denied', 'failed')`)
    .execute();
  await db.schema
    .createIndex("audit_log_agency_idx")
    .on("audit_log")
    .columns(["actor_agency_id", "seq"])
    .execute();
  await db.schema
    .createIndex("audit_log_record_idx")
    .on("audit_log")
    .columns(["record_type", "record_id"])
    .execute();
  await db.schema
    .createTable("audit_head")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .execute();
  await db
    .insertInto("audit_head" as never)
    .values({ id: 1, seq: 0, hash: "0".repeat(64) } as never)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "audit_head",
    "audit_log",
    "notifications",
    "break_glass",
    "consents",
    "case_team",
    "api_tokens",
    "recovery_codes",
    "login_failures",
    "sessions",
    "memberships",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
