import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe } from "node:test";
import pg from "pg";
import { type DatabaseTarget, parseDatabaseUrl } from "../../src/server/config.ts";
import { type Db, migrateToLatest, openDatabase } from "../../src/server/db/database.ts";

export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export interface TestDatabase {
  readonly dialect: Db["dialect"];
  /** A URL other processes (workers, a spawned server) can use to reach the same database. */
  readonly url: string;
  readonly target: DatabaseTarget;
  db: Db;
}

/** PostgreSQL must be there: the storage contract is only proven if it ran on both databases. */
export async function assertPostgresReachable(url = TEST_DATABASE_URL): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (e) {
    throw new Error(
      `PostgreSQL is not reachable at ${url} (${e instanceof Error ? e.message : e}). ` +
        "The storage tests must run on PostgreSQL too: start it, or set TEST_DATABASE_URL to a " +
        "database you may create schemas in (e.g. postgres://postgres@127.0.0.1:5432/test).",
    );
  } finally {
    await client.end().catch(() => {});
  }
}

function withSearchPath(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set("options", `-c search_path=${schema}`);
  return u.toString();
}

/** A fresh, migrated, empty database of the given dialect; removed again by `dispose`. */
export async function createTestDatabase(
  dialect: Db["dialect"],
): Promise<TestDatabase & { dispose(): Promise<void> }> {
  if (dialect === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "waypoint-test-"));
    const url = `sqlite:${join(dir, "test.db")}`;
    const target = parseDatabaseUrl(url);
    const db = openDatabase(target);
    await migrateToLatest(db);
    return {
      dialect,
      url,
      target,
      db,
      async dispose() {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  await assertPostgresReachable();
  const schema = `wp_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = withSearchPath(TEST_DATABASE_URL, schema);
  const target = parseDatabaseUrl(url);
  const db = openDatabase(target, { poolSize: 10 });
  await migrateToLatest(db);
  return {
    dialect,
    url,
    target,
    db,
    async dispose() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await cleanup.connect();
      await cleanup.query(`drop schema if exists ${schema} cascade`);
      await cleanup.end();
    },
  };
}

export const DIALECTS: Db["dialect"][] = ["sqlite", "postgres"];

/**
 * The storage contract: the same suite runs once per dialect, each in its own fresh database.
 * `t.db` is ready inside tests (after the suite's `before`).
 */
export function describeOnEachDatabase(name: string, suite: (t: TestDatabase) => void): void {
  for (const dialect of DIALECTS) {
    describe(`${name} [${dialect}]`, () => {
      const handle = {} as TestDatabase & { dispose?: () => Promise<void> };
      before(async () => {
        Object.assign(handle, await createTestDatabase(dialect));
      });
      after(async () => {
        await handle.dispose?.();
      });
      suite(handle);
    });
  }
}
