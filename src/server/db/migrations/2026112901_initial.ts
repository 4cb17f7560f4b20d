import { type Kysely, sql } from "kysely";
import { MISSISSIPPI_COUNTIES } from "../../../domain/counties.ts";

// Portable types only (text, integer): the same migration runs on SQLite and PostgreSQL.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("counties")
    .addColumn("fips", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull().unique())
    .execute();
  await db
    .insertInto("counties" as never)
    .values(MISSISSIPPI_COUNTIES.map((c) => ({ fips: c.fips, name: c.name })) as never)
    .execute();

  await db.schema
    .createTable("agencies")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("county_fips", "text", (c) => c.references("counties.fips"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("active"))
    .addColumn("locked_at", "text")
    // TOTP secret, encrypted like identity fields; the last accepted time step blocks replay.
    .addColumn("mfa_secret", "text")
    .addColumn("mfa_enabled_at", "text")
    .addColumn("mfa_last_step", "integer")
    .addColumn("language", "text", (c) => c.notNull().defaultTo("en"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("password_changed_at", "text", (c) => c.notNull())
    .addCheckConstraint("users_status_check", sql`status in ('active', 'disabled')`)
    .execute();

  // Identity fields (names, birth date, phone, address) hold ciphertext (src/server/security);
  // the *_index columns hold blind indexes for exact-match lookups.
  await db.schema
    .createTable("persons")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("given_name", "text")
    .addColumn("family_name", "text")
    .addColumn("birth_date", "text")
    .addColumn("phone", "text")
    .addColumn("address", "text")
    .addColumn("name_dob_index", "text")
    .addColumn("phone_index", "text")
    .addColumn("age_years", "integer")
    .addColumn("gender", "text")
    .addColumn("citizenship", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("persons_name_dob_idx")
    .on("persons")
    .column("name_dob_index")
    .execute();
  await db.schema.createIndex("persons_phone_idx").on("persons").column("phone_index").execute();

  await db.schema
    .createTable("cases")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("case_number", "text", (c) => c.notNull().unique())
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("county_fips", "text", (c) => c.references("counties.fips"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("venue", "text")
    .addColumn("received_at", "text", (c) => c.notNull())
    .addColumn("determination", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("closed_at", "text")
    .addCheckConstraint("cases_status_check", sql`status in ('open', 'closed')`)
    .execute();
  await db.schema
    .createIndex("cases_agency_received_idx")
    .on("cases")
    .columns(["agency_id", "received_at"])
    .execute();
  await db.schema.createIndex("cases_county_idx").on("cases").column("county_fips").execute();

  await db.schema
    .createTable("case_persons")
    .addColumn("case_id", "text", (c) => c.notNull().references("cases.id").onDelete("cascade"))
    .addColumn("person_id", "text", (c) => c.notNull().references("persons.id"))
    .addColumn("part", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("case_persons_pk", ["case_id", "person_id", "part"])
    .execute();
  await db.schema
    .createIndex("case_persons_person_idx")
    .on("case_persons")
    .column("person_id")
    .execute();

  await db.schema
    .createTable("case_events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("case_id", "text", (c) => c.notNull().references("cases.id").onDelete("cascade"))
    .addColumn("occurred_at", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("actor_user_id", "text", (c) => c.references("users.id"))
    .addColumn("data", "text", (c) => c.notNull().defaultTo("{}"))
    .execute();
  await db.schema
    .createIndex("case_events_case_idx")
    .on("case_events")
    .columns(["case_id", "occurred_at"])
    .execute();

  // One row per year; incremented under a row lock so concurrent intakes never share a number.
  await db.schema
    .createTable("case_number_counters")
    .addColumn("year", "integer", (c) => c.primaryKey())
    .addColumn("last_value", "integer", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "case_number_counters",
    "case_events",
    "case_persons",
    "cases",
    "persons",
    "users",
    "agencies",
    "counties",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
