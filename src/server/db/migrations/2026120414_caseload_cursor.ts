import { type Kysely, sql } from "kysely";

/**
 * The caseload's order is "soonest due first, no deadline last, then newest received". With
 * `next_due_at` nullable and the two later keys descending, no plain index walks that order,
 * and the second page's "after this row" became an OR the planner answered by sorting every
 * case after the cursor (400 ms at 100k). The order is therefore one key, the due time with
 * "no deadline" as the end of time, and the indexes hold it with the later keys descending, so
 * every page is a range walked in order and cut at the page. The expression must stay exactly
 * `URGENCY_KEY` of repositories/cases/caseload.ts for the databases to use these indexes.
 */
const KEY = sql`(coalesce(next_due_at, '9999-12-31T23:59:59.999Z'))`;

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index cases_urgency_key on cases (${KEY}, received_at desc, id desc)`.execute(
    db,
  );
  for (const filter of ["status", "determination"])
    await sql`create index ${sql.id(`cases_${filter}_urgency_key`)} on cases (${sql.ref(filter)}, ${KEY}, received_at desc, id desc)`.execute(
      db,
    );
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  for (const name of [
    "cases_urgency_key",
    "cases_status_urgency_key",
    "cases_determination_urgency_key",
  ])
    await db.schema.dropIndex(name).execute();
}
