import { totalmem } from "node:os";
import type BetterSqlite3 from "better-sqlite3";
import { sql } from "kysely";
import type { Db } from "./database.ts";

const MIB = 1024 * 1024;
/** Rows ANALYZE samples per index (SQLite's `analysis_limit`): statistics in milliseconds. */
const ANALYSIS_LIMIT = 1000;
/** How often a long-running process lets SQLite refresh statistics that have gone stale. */
const OPTIMIZE_EVERY_MS = 60 * 60_000;

export interface SqliteTuning {
  /** The page cache's ceiling in MiB (SQLite allocates pages only as they are read). */
  cacheMib: number;
  /** How much of the file is read through a memory map, in MiB (0: none). */
  mmapMib: number;
}

/**
 * The defaults, overridable with WAYPOINT_SQLITE_CACHE_MB and WAYPOINT_SQLITE_MMAP_MB: a page
 * cache of an eighth of the machine's memory, between 64 MiB and 1 GiB (SQLite's own default
 * is 2 MiB, so a 100k-case database was read from the OS on every list), and a 256 MiB map.
 */
export function sqliteTuningFromEnv(env: NodeJS.ProcessEnv = process.env): SqliteTuning {
  const mib = (value: string | undefined, fallback: number) => {
    const n = value === undefined || value === "" ? Number.NaN : Number(value);
    return Number.isInteger(n) && n >= 0 ? n : fallback;
  };
  const eighth = Math.floor(totalmem() / MIB / 8);
  return {
    cacheMib: mib(env.WAYPOINT_SQLITE_CACHE_MB, Math.min(1024, Math.max(64, eighth))),
    mmapMib: mib(env.WAYPOINT_SQLITE_MMAP_MB, 256),
  };
}

/**
 * Runs `PRAGMA optimize` without waiting for another process's write lock: better-sqlite3 runs
 * on the event loop, so a busy wait here would stall every request. Skipped when busy; the next
 * run catches up.
 */
function optimize(raw: BetterSqlite3.Database, mask?: number): void {
  const busy = raw.pragma("busy_timeout", { simple: true });
  try {
    raw.pragma("busy_timeout = 0");
    raw.pragma(mask === undefined ? "optimize" : `optimize = ${mask}`);
  } catch {
    // SQLITE_BUSY or a read-only file: statistics stay as they are.
  } finally {
    raw.pragma(`busy_timeout = ${Number(busy)}`);
  }
}

/**
 * Sizes the connection for the database it serves and keeps the planner's statistics current:
 * page cache and memory map, temporary tables in memory, and `PRAGMA optimize` on open (0x10002:
 * analyse any table whose statistics are missing or stale, not only those this connection
 * used), every hour while open, and on close. `analysis_limit` keeps each run to milliseconds.
 */
export function tuneSqlite(
  raw: BetterSqlite3.Database,
  tuning: SqliteTuning = sqliteTuningFromEnv(),
): void {
  raw.pragma(`cache_size = ${-tuning.cacheMib * 1024}`);
  raw.pragma(`mmap_size = ${tuning.mmapMib * MIB}`);
  raw.pragma("temp_store = MEMORY");
  raw.pragma(`analysis_limit = ${ANALYSIS_LIMIT}`);
  if (raw.memory) return;
  optimize(raw, 0x10002);
  const timer = setInterval(() => optimize(raw), OPTIMIZE_EVERY_MS);
  timer.unref();
  // The close path belongs to the connection's owner; wrapping it here keeps the tuning in one
  // place: stop the timer and let SQLite record what this connection learned before it goes.
  const close = raw.close.bind(raw);
  raw.close = () => {
    clearInterval(timer);
    if (raw.open) optimize(raw);
    return close();
  };
}

/**
 * Brings the planner's statistics up to date after a migration or a bulk load: a new index is
 * not used well until it is analysed, and a table that grew from nothing to 100k rows keeps
 * the empty table's plan. SQLite samples (`analysis_limit`); PostgreSQL analyses every table.
 */
export async function analyzeDatabase(db: Db): Promise<void> {
  await sql`analyze`.execute(db.kysely);
}
