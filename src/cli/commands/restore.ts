import { existsSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { BackupError } from "../../server/backup/backup-error.ts";
import {
  checkRestoredDatabase,
  currentSchema,
  postgresTablesWithRows,
  type RestoredReport,
} from "../../server/backup/check-database.ts";
import { archiveSchema, restorePostgres } from "../../server/backup/postgres-backup.ts";
import {
  restoreSqlite,
  sqliteIntegrity,
  sqliteTablesWithRows,
} from "../../server/backup/sqlite-backup.ts";
import type { Config } from "../../server/config.ts";
import { openDatabase } from "../../server/db/database.ts";
import { parseCommandArgs } from "../args.ts";
import { loadCliConfig } from "../open-configured-database.ts";
import { UsageError } from "../usage-error.ts";

const USAGE = "usage: restore --from FILE [--force]";

function refuseNonEmpty(where: string, tables: string[], force: boolean): void {
  if (tables.length > 0 && !force) {
    throw new UsageError(
      `the target database (${where}) is not empty (${tables.length} tables hold rows); a restore replaces everything in it: stop the servers and pass --force if that is what you want`,
    );
  }
}

function missingKey(config: Config): void {
  if (!existsSync(config.keyFile)) {
    throw new BackupError(
      `key file ${config.keyFile} does not exist (WAYPOINT_KEY_FILE): put the key file kept with the backups there`,
    );
  }
}

/**
 * SQLite: the backup goes first into a scratch file beside the database, which is checked
 * (integrity, migrations, audit chain, key file); only then is it copied into the database, so
 * a refused restore leaves the target as it was.
 */
async function restoreIntoSqlite(config: Config, path: string, from: string, force: boolean) {
  if (resolve(path) === resolve(from)) throw new UsageError("--from is the database file itself");
  refuseNonEmpty(`sqlite:${path}`, sqliteTablesWithRows(path), force);
  const scratch = `${resolve(path)}.restoring-${process.pid}`;
  const removeScratch = () => {
    for (const suffix of ["", "-wal", "-shm", "-journal"])
      rmSync(`${scratch}${suffix}`, { force: true });
  };
  try {
    await restoreSqlite(from, scratch);
    const integrity = sqliteIntegrity(scratch);
    if (integrity !== "ok") throw new BackupError(`the backup fails integrity_check: ${integrity}`);
    const db = openDatabase({ kind: "sqlite", path: scratch });
    let report: RestoredReport;
    try {
      report = await checkRestoredDatabase(db, config.keyFile);
    } finally {
      await db.close();
    }
    await restoreSqlite(scratch, path);
    const after = sqliteIntegrity(path);
    if (after !== "ok")
      throw new BackupError(`the restored database fails integrity_check: ${after}`);
    return report;
  } finally {
    removeScratch();
  }
}

/** PostgreSQL: pg_restore in one transaction, then the same checks on the restored schema. */
async function restoreIntoPostgres(url: string, keyFile: string, from: string, force: boolean) {
  const schema = archiveSchema(from);
  const before = openDatabase({ kind: "postgres", connectionString: url }, { poolSize: 1 });
  try {
    const current = await currentSchema(before);
    if (current !== null && current !== schema) {
      throw new BackupError(
        `the backup holds schema ${schema}, but DATABASE_URL uses schema ${current}: restore into a database whose search_path is ${schema}`,
      );
    }
    refuseNonEmpty(`schema ${schema}`, await postgresTablesWithRows(before, schema), force);
  } finally {
    await before.close();
  }
  restorePostgres(url, from);
  // A fresh connection: the schema may not have existed when the first one resolved search_path.
  const db = openDatabase({ kind: "postgres", connectionString: url }, { poolSize: 1 });
  try {
    return await checkRestoredDatabase(db, keyFile);
  } catch (e) {
    if (e instanceof BackupError)
      throw new BackupError(
        `${e.message} (the data was restored: do not start servers on it; fix this and restore again with --force)`,
      );
    throw e;
  } finally {
    await db.close();
  }
}

/** `restore --from FILE [--force]`: docs/operations.md. Success only after every check passed. */
export async function run(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, {
    from: { type: "string" },
    force: { type: "boolean", default: false },
  });
  if (!values.from) throw new UsageError(USAGE);
  const from = values.from;
  if (!existsSync(from)) throw new UsageError(`the backup ${from} does not exist`);
  const config = loadCliConfig();
  missingKey(config);
  const report =
    config.database.kind === "sqlite"
      ? await restoreIntoSqlite(config, config.database.path, from, values.force === true)
      : await restoreIntoPostgres(
          config.database.connectionString,
          config.keyFile,
          from,
          values.force === true,
        );
  const pending =
    report.pendingMigrations > 0
      ? `; ${report.pendingMigrations} migrations pending, applied at the next start`
      : "";
  const unsealed =
    report.auditUnsealed > 0
      ? `; ${report.auditUnsealed} audit rows not sealed yet (a server seals them when it starts)`
      : "";
  process.stdout.write(
    `restored ${from}: integrity ok, audit chain intact (${report.auditRows} rows checked up to row ${report.auditHead}), key file decrypts ${report.decrypted} sampled encrypted values${unsealed}${pending}\n`,
  );
  return 0;
}
