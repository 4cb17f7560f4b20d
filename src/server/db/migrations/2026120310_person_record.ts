import type { Kysely } from "kysely";

/**
 * A real intake and person record (issue 13): the case's narrative, and each person's language,
 * current location or placement, contacts (with whether it is safe to contact them) and, for a
 * guardian, whether they are non-offending. Free text and contacts are sealed like identity
 * (repositories/sealed-text.ts); the flag is plain.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("cases").addColumn("narrative", "text").execute();
  await db.schema.alterTable("persons").addColumn("language", "text").execute();
  await db.schema.alterTable("persons").addColumn("placement", "text").execute();
  await db.schema.alterTable("persons").addColumn("contacts", "text").execute();
  await db.schema.alterTable("persons").addColumn("non_offending", "integer").execute();
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  for (const c of ["non_offending", "contacts", "placement", "language"])
    await db.schema.alterTable("persons").dropColumn(c).execute();
  await db.schema.alterTable("cases").dropColumn("narrative").execute();
}
