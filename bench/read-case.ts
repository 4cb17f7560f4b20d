import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Kysely } from "kysely";
import { progressReporter } from "../src/cli/progress.ts";
import { systemClock } from "../src/server/clock.ts";
import { migrateToLatest, openDatabase, openSqlite } from "../src/server/db/database.ts";
import { MIGRATIONS } from "../src/server/db/migrations/index.ts";
import type { CaseRow, Database } from "../src/server/db/schema.ts";
import { seedDemo } from "../src/server/demo/seed-demo.ts";
import { loadKeyring } from "../src/server/security/keyring.ts";
import { param, prepared } from "./prepared.ts";
import { printFigures, printRatio } from "./report.ts";

const CASES = Number(process.env.BENCH_CASES ?? 100_000);

// What is timed: one primary-key read through Kysely with the statement compiled once
// (db/prepared.ts), against better-sqlite3's own prepared statement. Unscoped on purpose: it
// measures the data layer's overhead, not the access policy; production has no unscoped read.
const caseById = prepared<CaseRow, { id: string }>((db) =>
  db.selectFrom("cases").selectAll().where("id", "=", param("id")),
);
const findCaseById = async (db: Kysely<Database>, id: string) => (await caseById(db, { id }))[0];
const READS = 200_000;
const ROUNDS = 5;

/** The bench database is kept under ./data and reused: building 100k cases takes a while. */
async function benchDatabasePath(): Promise<string> {
  const dir = join(process.cwd(), "data");
  // Named by schema version: a database built by an older schema is never reused.
  const schema = Object.keys(MIGRATIONS).at(-1);
  const path = join(dir, `bench-${CASES}-${schema}.db`);
  if (existsSync(path)) return path;
  mkdirSync(dir, { recursive: true });
  const building = `${path}.building`;
  rmSync(building, { force: true });
  const db = openDatabase({ kind: "sqlite", path: building });
  await migrateToLatest(db);
  const progress = progressReporter(`building ${CASES}-case bench database`);
  const keyring = loadKeyring(join(dir, "bench.key"), { createIfMissing: true });
  await seedDemo(db, systemClock, {
    cases: CASES,
    production: false,
    seed: 7,
    keyring,
    onProgress: progress.update,
  });
  await db.close();
  const { renameSync } = await import("node:fs");
  renameSync(building, path);
  for (const suffix of ["-wal", "-shm"]) rmSync(`${building}${suffix}`, { force: true });
  return path;
}

export async function run(): Promise<void> {
  const path = await benchDatabasePath();
  const raw = openSqlite(path);
  const ids = (raw.prepare("select id from cases").pluck().all() as string[]).sort(
    () => Math.random() - 0.5,
  );
  const statement = raw.prepare("select * from cases where id = ?");
  const db = openDatabase({ kind: "sqlite", path });

  const pick = (i: number) => ids[i % ids.length] as string;
  // Warm the page cache and the JIT for both paths before timing anything.
  for (let i = 0; i < ids.length; i++) statement.get(pick(i));
  for (let i = 0; i < 20_000; i++) await findCaseById(db.kysely, pick(i));
  let rawBest = Number.POSITIVE_INFINITY;
  let layerBest = Number.POSITIVE_INFINITY;
  for (let round = 0; round < ROUNDS; round++) {
    let t = performance.now();
    for (let i = 0; i < READS; i++) if (!statement.get(pick(i))) throw new Error("missing case");
    rawBest = Math.min(rawBest, performance.now() - t);
    t = performance.now();
    for (let i = 0; i < READS; i++)
      if (!(await findCaseById(db.kysely, pick(i)))) throw new Error("missing case");
    layerBest = Math.min(layerBest, performance.now() - t);
  }
  await db.close();
  raw.close();
  const rawUs = (rawBest * 1000) / READS;
  const layerUs = (layerBest * 1000) / READS;
  printFigures(
    `Read one case by id, ${ids.length} cases, best of ${ROUNDS} × ${READS} reads (µs per read)`,
    [
      { name: "better-sqlite3 prepared statement", value: rawUs, unit: "µs" },
      { name: "data layer (Kysely findCaseById)", value: layerUs, unit: "µs" },
    ],
  );
  printRatio("data layer / prepared statement", layerUs / rawUs, "≤ 1.3", layerUs / rawUs <= 1.3);
}
