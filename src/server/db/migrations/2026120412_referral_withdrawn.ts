import { type Kysely, SqliteAdapter, sql } from "kysely";

/**
 * A referral not yet answered may be withdrawn by the agency that sent it (issue 13: a case
 * closes only when nothing waits, and the sender needs a way out of a referral nobody answers).
 * The status check gains `withdrawn`. PostgreSQL replaces the constraint; SQLite cannot alter
 * a check, so the table is rebuilt from its own stored definition with the new list (nothing
 * references referrals, so dropping the old table touches no other row).
 */
const WITH = "status in ('sent', 'accepted', 'declined', 'completed', 'withdrawn')";
const WITHOUT = "status in ('sent', 'accepted', 'declined', 'completed')";

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time
type Db = Kysely<any>;

export const up = (db: Db) => atomically(db, (t) => replaceCheck(t, WITHOUT, WITH));

export async function down(db: Db): Promise<void> {
  await atomically(db, async (t) => {
    const withdrawn = await sql<{ n: number | string }>`
      select count(*) as n from referrals where status = 'withdrawn'`.execute(t);
    if (Number(withdrawn.rows[0]?.n ?? 0) > 0)
      throw new Error("referrals were withdrawn; the older schema has no word for them");
    await replaceCheck(t, WITH, WITHOUT);
  });
}

async function replaceCheck(db: Db, from: string, to: string): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) {
    await sql`alter table referrals drop constraint referrals_status_check`.execute(db);
    await sql
      .raw(`alter table referrals add constraint referrals_status_check check (${to})`)
      .execute(db);
    return;
  }
  const table = await sql<{ sql: string }>`
    select sql from sqlite_master where type = 'table' and name = 'referrals'`.execute(db);
  const ddl = table.rows[0]?.sql;
  if (!ddl?.includes(from)) throw new Error("referrals: the status check is not the one expected");
  const indexes = await sql<{ sql: string }>`
    select sql from sqlite_master
    where type = 'index' and tbl_name = 'referrals' and sql is not null`.execute(db);
  const rebuilt = ddl
    .replace(from, to)
    .replace(/^create table "?referrals"?/i, "create table referrals_new");
  await sql.raw(rebuilt).execute(db);
  await sql`insert into referrals_new select * from referrals`.execute(db);
  await sql`drop table referrals`.execute(db);
  await sql`alter table referrals_new rename to referrals`.execute(db);
  for (const index of indexes.rows) await sql.raw(index.sql).execute(db);
}

/** One transaction (the migrator gives PostgreSQL one; SQLite's table rebuild needs its own). */
function atomically(db: Db, work: (db: Db) => Promise<void>): Promise<void> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
