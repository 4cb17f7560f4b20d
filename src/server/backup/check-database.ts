import { existsSync } from "node:fs";
import { sql } from "kysely";
import { verifyAuditChain } from "../audit/audit-verify.ts";
import { verifyLegacyAuditChain } from "../audit/legacy-chain.ts";
import { sealSignerFor } from "../audit/seal-signature.ts";
import type { Db } from "../db/database.ts";
import { MIGRATIONS } from "../db/migrations/index.ts";
import { Keyring, readKeyFile } from "../security/keyring.ts";
import { checkKeyDecrypts, keyCheckMessage } from "../use-cases/operations/check-key-file.ts";
import { BackupError } from "./backup-error.ts";

const SEALER_MIGRATION = "2026120201_audit_sealer";

/** How many values of each encrypted column a restore decrypts (random ones). */
const KEY_SAMPLE_PER_COLUMN = 20;

export interface RestoredReport {
  auditRows: number;
  auditHead: number;
  /** Rows the restored servers' sealer will seal (appended after the last sealed batch). */
  auditUnsealed: number;
  decrypted: number;
  pendingMigrations: number;
}

async function appliedMigrations(db: Db): Promise<string[]> {
  const table =
    db.dialect === "sqlite"
      ? await sql`select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'`.execute(
          db.kysely,
        )
      : await sql`select 1 from information_schema.tables
          where table_schema = current_schema() and table_name = 'kysely_migration'`.execute(
          db.kysely,
        );
  if (table.rows.length === 0) {
    throw new BackupError(
      "the restored database has no migrations table: it is not a Waypoint database",
    );
  }
  const rows = await sql<{ name: string }>`select name from kysely_migration`.execute(db.kysely);
  return rows.rows.map((r) => r.name);
}

/**
 * What a restore must prove before it reports success: the database is one this build can run
 * (no migration it does not know), its audit chain is intact, and the key file present decrypts
 * a random sample of every encrypted column. Throws a BackupError naming the first failure.
 */
export async function checkRestoredDatabase(db: Db, keyFile: string): Promise<RestoredReport> {
  const applied = await appliedMigrations(db);
  const unknown = applied.filter((name) => !(name in MIGRATIONS));
  if (unknown.length > 0) {
    throw new BackupError(
      `the backup comes from a newer Waypoint (migration ${unknown[0]} is unknown to this version): restore it with that version`,
    );
  }
  // The key file first: the audit chain's batch heads are checked with the key derived from it.
  if (!existsSync(keyFile)) {
    throw new BackupError(
      `key file ${keyFile} does not exist (WAYPOINT_KEY_FILE): put the key file kept with the backups there`,
    );
  }
  const keyring = new Keyring(readKeyFile(keyFile));
  // A backup from a build before the sealer holds the old chain; it is converted at the next start.
  const verdict = applied.includes(SEALER_MIGRATION)
    ? await verifyAuditChain(db.kysely, sealSignerFor(keyring))
    : await verifyLegacyAuditChain(db.kysely);
  if (!verdict.ok)
    throw new BackupError(`the audit chain is broken at row ${verdict.seq}: ${verdict.problem}`);
  const check = await checkKeyDecrypts(db, keyring, {
    perColumn: KEY_SAMPLE_PER_COLUMN,
    random: true,
  });
  if (!check.ok) throw new BackupError(keyCheckMessage(keyFile, check));
  return {
    auditRows: verdict.sealed,
    auditHead: verdict.headSeq,
    auditUnsealed: verdict.unsealed,
    decrypted: check.checked,
    pendingMigrations: Object.keys(MIGRATIONS).length - applied.length,
  };
}

/** PostgreSQL: tables of `schema` (other than migration bookkeeping) holding at least one row. */
export async function postgresTablesWithRows(db: Db, schema: string): Promise<string[]> {
  const tables = await sql<{
    name: string;
  }>`select table_name as name from information_schema.tables
    where table_schema = ${schema} and table_type = 'BASE TABLE'
      and table_name not like 'kysely_migration%'`.execute(db.kysely);
  const withRows: string[] = [];
  for (const { name } of tables.rows) {
    const row = await sql`select 1 from ${sql.table(`${schema}.${name}`)} limit 1`.execute(
      db.kysely,
    );
    if (row.rows.length > 0) withRows.push(name);
  }
  return withRows;
}

export async function currentSchema(db: Db): Promise<string | null> {
  const r = await sql<{ s: string | null }>`select current_schema() as s`.execute(db.kysely);
  return r.rows[0]?.s ?? null;
}
