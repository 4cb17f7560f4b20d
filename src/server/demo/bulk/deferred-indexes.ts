import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import { BULK_TABLES } from "./tables.ts";

interface SecondaryIndex {
  name: string;
  definition: string;
}

/**
 * Secondary indexes of the tables a load fills are dropped before a load that makes those tables
 * at least twice as large, and rebuilt after it: building an index once from sorted rows is
 * several times cheaper than updating it row by row (obligations alone carry three). Unique
 * indexes and primary keys stay, so the load is checked as it goes. The definitions are read
 * from the database itself, so indexes added by later migrations are kept too. If the load fails
 * the indexes are rebuilt all the same. (A server reading the database meanwhile would find its
 * queries unindexed: load a database no server is using.)
 */
export async function withDeferredIndexes<T>(
  db: Db,
  loading: number,
  work: () => Promise<T>,
): Promise<T> {
  const existing = await db.kysely
    .selectFrom("cases")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  if (loading < Number(existing.n)) return work();
  const indexes = await secondaryIndexes(db);
  for (const index of indexes) await sql.raw(`drop index "${index.name}"`).execute(db.kysely);
  try {
    return await work();
  } finally {
    for (const index of indexes) await sql.raw(index.definition).execute(db.kysely);
  }
}

async function secondaryIndexes(db: Db): Promise<SecondaryIndex[]> {
  const tables = Object.keys(BULK_TABLES);
  if (db.dialect === "sqlite") {
    const { rows } = await sql<SecondaryIndex>`
      select name, sql as definition from sqlite_master
      where type = 'index' and sql is not null and sql not like 'create unique%'
        and sql not like 'CREATE UNIQUE%' and tbl_name in (${sql.join(tables)})`.execute(db.kysely);
    return rows;
  }
  const { rows } = await sql<SecondaryIndex>`
    select i.indexname as name, i.indexdef as definition
    from pg_indexes i
    join pg_class c on c.relname = i.indexname and c.relnamespace = (
      select oid from pg_namespace where nspname = current_schema())
    join pg_index x on x.indexrelid = c.oid
    where i.schemaname = current_schema() and i.tablename in (${sql.join(tables)})
      and not x.indisunique and not x.indisprimary`.execute(db.kysely);
  return rows;
}
