import { sql } from "kysely";
import type { Db } from "../../db/database.ts";

/** Page cache for the load: 256 MiB (negative: KiB), so index pages stay in memory. */
const LOAD_CACHE_KIB = 262_144;

/**
 * SQLite settings for the duration of a bulk load, put back as they were afterwards (even if the
 * load fails): no fsync per commit (a crash loses the load in progress, never what was committed
 * before it; WAL keeps the file consistent), a larger page cache, and no foreign-key lookups
 * (every row the loader writes refers to a row it wrote before, or to the seed's agencies and
 * users; the check would cost a parent lookup per child row). PostgreSQL needs none: the
 * loader turns `synchronous_commit` off per transaction (SET LOCAL).
 */
export async function withLoadPragmas<T>(db: Db, work: () => Promise<T>): Promise<T> {
  if (db.dialect !== "sqlite") return work();
  const synchronous = await pragmaValue(db, "synchronous");
  const cacheSize = await pragmaValue(db, "cache_size");
  const foreignKeys = await pragmaValue(db, "foreign_keys");
  await sql.raw("pragma synchronous = OFF").execute(db.kysely);
  await sql.raw("pragma foreign_keys = OFF").execute(db.kysely);
  await sql.raw(`pragma cache_size = -${LOAD_CACHE_KIB}`).execute(db.kysely);
  try {
    return await work();
  } finally {
    await sql.raw(`pragma synchronous = ${synchronous}`).execute(db.kysely);
    await sql.raw(`pragma cache_size = ${cacheSize}`).execute(db.kysely);
    await sql.raw(`pragma foreign_keys = ${foreignKeys}`).execute(db.kysely);
  }
}

async function pragmaValue(
  db: Db,
  name: "synchronous" | "cache_size" | "foreign_keys",
): Promise<number> {
  const { rows } = await sql.raw<Record<string, number>>(`pragma ${name}`).execute(db.kysely);
  const value = rows[0]?.[name];
  if (typeof value !== "number") throw new Error(`pragma ${name} gave no value`);
  return value;
}
