import { existsSync, renameSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { sql } from "kysely";
import { systemClock } from "../src/server/clock.ts";
import { migrateToLatest, openDatabase } from "../src/server/db/database.ts";
import { bulkLoadCases } from "../src/server/demo/bulk-load.ts";
import { seedDemo } from "../src/server/demo/seed-demo.ts";
import { loadKeyring } from "../src/server/security/keyring.ts";

/** Bump when the loader's output changes, so cached databases are rebuilt. */
const LOADER_VERSION = 1;
const SEED = 2026;

export interface BuiltDatabase {
  path: string;
  /** Set when the database was built in this run. */
  built?: { ms: number; casesPerSecond: number };
}

/**
 * A SQLite database of `cases` synthetic cases (the demo's agencies and accounts, then the bulk
 * loader), cached under data/ and reused by later runs and other benchmarks (its key file sits
 * next to it). Built under a temporary name, so an interrupted build is never taken for a whole
 * one; migrated to the latest schema on every use (a later index migration applies to it).
 */
export async function caseDatabase(cases: number): Promise<BuiltDatabase> {
  const path = join(process.cwd(), "data", `bench-cases-v${LOADER_VERSION}-${cases}.db`);
  if (existsSync(path)) {
    const db = openDatabase({ kind: "sqlite", path });
    await migrateToLatest(db, loadKeyring(`${path}.key`, { createIfMissing: false }));
    await db.close();
    return { path };
  }
  const temp = `${path}.building`;
  for (const suffix of ["", "-wal", "-shm", ".key"]) rmSync(`${temp}${suffix}`, { force: true });
  const db = openDatabase({ kind: "sqlite", path: temp });
  const keyring = loadKeyring(`${temp}.key`, { createIfMissing: true });
  await migrateToLatest(db, keyring);
  await seedDemo(db, systemClock, { cases: 0, seed: SEED, production: false, keyring });
  let lastReport = 0;
  const result = await bulkLoadCases(db, keyring, systemClock, {
    cases,
    seed: SEED,
    onProgress: (done, total) => {
      if (done < total && performance.now() - lastReport < 15_000) return;
      lastReport = performance.now();
      process.stderr.write(`  building ${total}-case database: ${done}\n`);
    },
  });
  await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db.kysely);
  await db.close();
  renameSync(`${temp}.key`, `${path}.key`);
  renameSync(temp, path);
  const casesPerSecond = cases / (result.ms / 1000);
  process.stderr.write(
    `  built ${path} (${(statSync(path).size / 2 ** 20).toFixed(0)} MiB) in ${(result.ms / 1000).toFixed(0)} s: ${casesPerSecond.toFixed(0)} cases/s\n`,
  );
  return { path, built: { ms: result.ms, casesPerSecond } };
}
