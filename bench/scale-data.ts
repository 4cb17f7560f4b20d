import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { systemClock } from "../src/server/clock.ts";
import { parseDatabaseUrl } from "../src/server/config.ts";
import { migrateToLatest, openDatabase } from "../src/server/db/database.ts";
import { MIGRATIONS } from "../src/server/db/migrations/index.ts";
import { seedDemo } from "../src/server/demo/seed-demo.ts";
import { loadKeyring } from "../src/server/security/keyring.ts";

/**
 * The scale benchmark's databases: the same synthetic cases (seedDemo, one seed) on SQLite and
 * on PostgreSQL, built once and kept (SQLite under data/, PostgreSQL as a schema of the
 * `waypoint_bench` database), named by case count and schema version so a stale one is never used.
 */
export interface BenchDatabase {
  url: string;
  keyFile: string;
}

const DATA = join(process.cwd(), "data");
const SEED = 12;
const schemaVersion = () => (Object.keys(MIGRATIONS).at(-1) ?? "none").toLowerCase();

/** The server that holds the bench database; any database there serves to create it. */
export const BENCH_PG_SERVER = process.env.BENCH_PG_SERVER ?? "postgres://postgres@127.0.0.1:5432";
const BENCH_PG_DATABASE = "waypoint_bench";

function report(label: string) {
  return (done: number, total: number) => {
    if (done === total || done % 500 === 0) process.stderr.write(`  ${label}: ${done}/${total}\n`);
  };
}

async function seed(url: string, keyFile: string, cases: number, label: string): Promise<void> {
  const db = openDatabase(parseDatabaseUrl(url));
  try {
    await migrateToLatest(db);
    const keyring = loadKeyring(keyFile, { createIfMissing: true });
    await seedDemo(db, systemClock, {
      cases,
      production: false,
      seed: SEED,
      keyring,
      onProgress: report(label),
    });
  } finally {
    await db.close();
  }
}

export async function sqliteBenchDatabase(cases: number): Promise<BenchDatabase> {
  const path = join(DATA, `bench-scale-${cases}-${schemaVersion()}.db`);
  const keyFile = `${path}.key`;
  if (existsSync(path)) return { url: `sqlite:${path}`, keyFile };
  mkdirSync(DATA, { recursive: true });
  const building = `${path}.building`;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${building}${suffix}`, { force: true });
  await seed(`sqlite:${building}`, keyFile, cases, "SQLite");
  renameSync(building, path);
  for (const suffix of ["-wal", "-shm"]) rmSync(`${building}${suffix}`, { force: true });
  return { url: `sqlite:${path}`, keyFile };
}

async function withAdmin<T>(database: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `${BENCH_PG_SERVER}/${database}` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function inSchema(schema: string): string {
  const u = new URL(`${BENCH_PG_SERVER}/${BENCH_PG_DATABASE}`);
  u.searchParams.set("options", `-c search_path=${schema}`);
  return u.toString();
}

export async function postgresBenchDatabase(cases: number): Promise<BenchDatabase> {
  const schema = `scale_${cases}_${schemaVersion()}`.replace(/[^a-z0-9_]/g, "_");
  const keyFile = join(DATA, `bench-scale-pg-${cases}-${schemaVersion()}.key`);
  await withAdmin("postgres", async (c) => {
    const found = await c.query("select 1 from pg_database where datname = $1", [
      BENCH_PG_DATABASE,
    ]);
    if (found.rowCount === 0) await c.query(`create database ${BENCH_PG_DATABASE}`);
  });
  const exists = await withAdmin(BENCH_PG_DATABASE, async (c) => {
    const found = await c.query("select 1 from pg_namespace where nspname = $1", [schema]);
    return (found.rowCount ?? 0) > 0;
  });
  if (exists && existsSync(keyFile)) return { url: inSchema(schema), keyFile };
  const building = `${schema}_building`;
  await withAdmin(BENCH_PG_DATABASE, async (c) => {
    await c.query(`drop schema if exists ${building} cascade`);
    await c.query(`drop schema if exists ${schema} cascade`);
    await c.query(`create schema ${building}`);
  });
  rmSync(keyFile, { force: true });
  mkdirSync(DATA, { recursive: true });
  await seed(inSchema(building), keyFile, cases, "PostgreSQL");
  await withAdmin(BENCH_PG_DATABASE, async (c) => {
    await c.query(`alter schema ${building} rename to ${schema}`);
    await c.query("analyze");
  });
  return { url: inSchema(schema), keyFile };
}
