import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { verifyAuditChain } from "../../server/audit/audit-verify.ts";
import { sealSignerFor } from "../../server/audit/seal-signature.ts";
import { BackupError } from "../../server/backup/backup-error.ts";
import { currentSchema } from "../../server/backup/check-database.ts";
import { backupPostgres } from "../../server/backup/postgres-backup.ts";
import { backupSqlite, sqliteIntegrity } from "../../server/backup/sqlite-backup.ts";
import { openDatabase } from "../../server/db/database.ts";
import { Keyring, readKeyFile } from "../../server/security/keyring.ts";
import { parseCommandArgs } from "../args.ts";
import { loadCliConfig } from "../open-configured-database.ts";
import { UsageError } from "../usage-error.ts";

const USAGE = "usage: backup --to FILE [--force]";

/**
 * `backup --to FILE`: a consistent copy of the running database (docs/operations.md). The key
 * file is not in it, on purpose: keep the two apart, or one stolen copy opens the other.
 */
export async function run(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, {
    to: { type: "string" },
    force: { type: "boolean", default: false },
  });
  if (!values.to) throw new UsageError(USAGE);
  const to = values.to;
  if (existsSync(to) && !values.force)
    throw new UsageError(`${to} already exists; pass --force to replace it`);
  const config = loadCliConfig();
  const keyNote = `keep the key file (WAYPOINT_KEY_FILE, ${config.keyFile}) backed up apart from it`;
  if (config.database.kind === "sqlite") {
    if (resolve(config.database.path) === resolve(to))
      throw new UsageError("--to must not be the database file itself");
    await backupSqlite(config.database.path, to);
    const integrity = sqliteIntegrity(to);
    if (integrity !== "ok") throw new BackupError(`the backup fails integrity_check: ${integrity}`);
    const copy = openDatabase({ kind: "sqlite", path: to });
    try {
      // The batch heads are signed with the key derived from the key file.
      const key = sealSignerFor(new Keyring(readKeyFile(config.keyFile)));
      const verdict = await verifyAuditChain(copy.kysely, key);
      if (!verdict.ok)
        throw new BackupError(
          `the backup's audit chain is broken at row ${verdict.seq}: ${verdict.problem}`,
        );
      const cases = await copy.kysely
        .selectFrom("cases")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow();
      process.stdout.write(
        `backup written to ${to}: ${Number(cases.n)} cases, audit chain intact up to row ${verdict.headSeq} (${verdict.unsealed} rows not sealed yet); ${keyNote}\n`,
      );
    } finally {
      await copy.close();
    }
    return 0;
  }
  const db = openDatabase(config.database, { poolSize: 1 });
  let schema: string | null;
  try {
    schema = await currentSchema(db);
  } finally {
    await db.close();
  }
  if (!schema) throw new BackupError("the schema DATABASE_URL names does not exist");
  backupPostgres(config.database.connectionString, schema, to);
  process.stdout.write(
    `backup written to ${to}: schema ${schema}, pg_dump custom format; ${keyNote}\n`,
  );
  return 0;
}
