import { chmodSync, existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { dirname, resolve } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { BackupError } from "./backup-error.ts";

/**
 * SQLite backups through SQLite's online backup API, never a file copy: a copy of the database
 * file while the server runs misses what is still in the write-ahead log (-wal), and passes
 * integrity_check all the same. The backup copies every page in one step, inside one read
 * snapshot, so a server writing meanwhile neither waits nor restarts the copy, and the copy holds
 * exactly what was committed when it began.
 */
const ALL_PAGES = 0x7fffffff;

function open(path: string, what: string): BetterSqlite3.Database {
  if (!existsSync(path)) throw new BackupError(`${what} ${path} does not exist`);
  try {
    const db = new BetterSqlite3(path, { fileMustExist: true });
    db.pragma("busy_timeout = 5000");
    return db;
  } catch {
    throw new BackupError(`${what} ${path} cannot be opened as a SQLite database`);
  }
}

/** Writes the backup next to `to` and renames it into place: a failed run leaves no half file. */
export async function backupSqlite(databasePath: string, to: string): Promise<void> {
  const source = open(databasePath, "the database");
  const target = resolve(to);
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.${process.pid}.partial`;
  try {
    await source.backup(partial, { progress: () => ALL_PAGES });
    chmodSync(partial, 0o600);
    renameSync(partial, target);
  } catch (e) {
    rmSync(partial, { force: true });
    if (e instanceof BackupError) throw e;
    throw new BackupError(`the backup failed: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    source.close();
  }
}

/** "ok", or the first problem `PRAGMA integrity_check` names. */
export function sqliteIntegrity(path: string): string {
  const db = open(path, "the database");
  try {
    const first = db.pragma("integrity_check", { simple: true });
    return String(first);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  } finally {
    db.close();
  }
}

/** Tables other than the migration bookkeeping that hold at least one row. */
export function sqliteTablesWithRows(path: string): string[] {
  if (!existsSync(path)) return [];
  const db = open(path, "the target database");
  try {
    const tables = db
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_migration%'",
      )
      .pluck()
      .all() as string[];
    return tables.filter(
      (t) => db.prepare(`select 1 from "${t.replaceAll('"', '""')}" limit 1`).get() !== undefined,
    );
  } finally {
    db.close();
  }
}

/**
 * Copies the backup into the database file with the same backup API, so SQLite replaces the
 * target's pages in one transaction and its write-ahead log stays consistent (a file copied over
 * a database with a leftover -wal would get that log replayed onto it).
 */
export async function restoreSqlite(from: string, databasePath: string): Promise<void> {
  const source = open(from, "the backup");
  try {
    mkdirSync(dirname(resolve(databasePath)), { recursive: true });
    await source.backup(databasePath, { progress: () => ALL_PAGES });
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw new BackupError(`the restore failed: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    source.close();
  }
}
