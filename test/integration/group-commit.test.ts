import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import BetterSqlite3 from "better-sqlite3";
import { sql, type Transaction } from "kysely";
import pg from "pg";
import type { Db } from "../../src/server/db/database.ts";
import { openDatabase } from "../../src/server/db/database.ts";
import { BatchFailedError, NestedTransactionError } from "../../src/server/db/group-commit.ts";
import type { Database } from "../../src/server/db/schema.ts";
import { testApp, testContext } from "../support/context.ts";
import {
  createTestDatabase,
  describeOnEachDatabase,
  type TestDatabase,
} from "../support/databases.ts";
import { buildCase, signedInAs } from "../support/factories.ts";

/**
 * Another connection to the same database: it sees only what was committed. `where` is a
 * condition with one `?`. On SQLite the count is also offered synchronously (`now`), so nothing
 * can commit between the moment a test looks and the moment it sees.
 */
interface Outside {
  count(table: string, where: string, value: string): Promise<number>;
  now?(table: string, where: string, value: string): number;
  close(): Promise<void>;
}

async function outsideConnection(t: TestDatabase): Promise<Outside> {
  if (t.target.kind === "sqlite") {
    const raw = new BetterSqlite3(t.target.path, { readonly: true });
    const now = (table: string, where: string, value: string) =>
      (raw.prepare(`select count(*) as n from ${table} where ${where}`).get(value) as { n: number })
        .n;
    return {
      now,
      count: async (table, where, value) => now(table, where, value),
      close: async () => {
        raw.close();
      },
    };
  }
  const pool = new pg.Pool({ connectionString: t.url, max: 2 });
  return {
    async count(table, where, value) {
      const text = `select count(*)::int as n from ${table} where ${where.replace("?", "$1")}`;
      const r = await pool.query(text, [value]);
      return r.rows[0].n as number;
    },
    close: () => pool.end(),
  };
}

/** Counts at once where the connection allows it (SQLite), else as soon as it can. */
function countOutside(o: Outside, table: string, where: string, value: string) {
  return o.now ? o.now(table, where, value) : o.count(table, where, value);
}

const probe = (trx: Transaction<Database>) =>
  trx as unknown as Transaction<{ gc_probe: { id: string; n: number } }>;

async function insertProbe(trx: Transaction<Database>, id: string, n = 0): Promise<void> {
  await probe(trx).insertInto("gc_probe").values({ id, n }).execute();
}

async function probeIds(db: Db, prefix: string): Promise<string[]> {
  const rows = await (db.kysely as unknown as Transaction<{ gc_probe: { id: string; n: number } }>)
    .selectFrom("gc_probe")
    .select("id")
    .where("id", "like", `${prefix}%`)
    .orderBy("id")
    .execute();
  return rows.map((r) => r.id);
}

describeOnEachDatabase("db.transact", (t) => {
  /** A second Db on the same database whose batches are never cut short by the clock. */
  let db: Db;
  before(async () => {
    await sql`create table gc_probe (id text primary key, n integer not null)`.execute(t.db.kysely);
    await sql`create table gc_parent (id text primary key)`.execute(t.db.kysely);
    await sql`create table gc_child (id text primary key, parent_id text not null
      references gc_parent (id) deferrable initially deferred)`.execute(t.db.kysely);
    db = openDatabase(t.target, { groupCommit: { maxBatchMs: 60_000 } });
  });
  after(() => db.close());

  it("commits every one of many concurrent units, and each gets its own result", async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        db.transact(async (trx) => {
          await insertProbe(trx, `all-${String(i).padStart(2, "0")}`);
          return i;
        }),
      ),
    );
    assert.deepEqual(
      results,
      Array.from({ length: 40 }, (_, i) => i),
    );
    assert.equal((await probeIds(t.db, "all-")).length, 40);
  });

  it("rolls back a failing unit alone: it rejects with its own error, its neighbours commit", async () => {
    const boom = new Error("boom");
    const outcomes = await Promise.allSettled([
      db.transact((trx) => insertProbe(trx, "fail-a")),
      db.transact(async (trx) => {
        await insertProbe(trx, "fail-b");
        await insertProbe(trx, "fail-b2");
        throw boom;
      }),
      db.transact((trx) => insertProbe(trx, "fail-c")),
    ]);
    assert.deepEqual(
      outcomes.map((o) => o.status),
      ["fulfilled", "rejected", "fulfilled"],
    );
    assert.equal((outcomes[1] as PromiseRejectedResult).reason, boom);
    assert.deepEqual(await probeIds(t.db, "fail-"), ["fail-a", "fail-c"]);
  });

  it("refuses a transaction opened inside a unit instead of waiting forever", async () => {
    await assert.rejects(
      db.transact(() => db.transact(async () => 1)),
      NestedTransactionError,
    );
    // The database is still usable afterwards.
    assert.equal(await db.transact(async () => 2), 2);
  });

  it("runs a read-only unit beside a batch of writes", async () => {
    const [count] = await Promise.all([
      db.transact(
        async (trx) => (await probe(trx).selectFrom("gc_probe").select("id").execute()).length,
        { readOnly: true },
      ),
      db.transact((trx) => insertProbe(trx, "ro-a")),
    ]);
    assert.equal(typeof count, "number");
    assert.deepEqual(await probeIds(t.db, "ro-"), ["ro-a"]);
  });

  it("settles a unit only once its writes are committed (seen from another connection)", async () => {
    const outside = await outsideConnection(t);
    try {
      const visibleAtSettle = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          db
            .transact(async (trx) => {
              await insertProbe(trx, `settle-${i}`);
              // Keep the batch open a while after this unit's work, so a unit settled before
              // the commit would be seen settling with its write still invisible outside.
              await sleep(10);
            })
            .then(() => countOutside(outside, "gc_probe", "id = ?", `settle-${i}`)),
        ),
      );
      assert.deepEqual(visibleAtSettle, Array(8).fill(1));
    } finally {
      await outside.close();
    }
  });
});

describe("group commit on SQLite", () => {
  let t: TestDatabase & { dispose(): Promise<void> };
  let db: Db;
  before(async () => {
    t = await createTestDatabase("sqlite");
    await sql`create table gc_probe (id text primary key, n integer not null)`.execute(t.db.kysely);
    await sql`create table gc_parent (id text primary key)`.execute(t.db.kysely);
    await sql`create table gc_child (id text primary key, parent_id text not null
      references gc_parent (id) deferrable initially deferred)`.execute(t.db.kysely);
    db = openDatabase(t.target, { groupCommit: { maxBatchMs: 60_000 } });
  });
  after(async () => {
    await db.close();
    await t.dispose();
  });

  it("runs units that arrive together in one transaction: none is visible outside before all are", async () => {
    const outside = await outsideConnection(t);
    try {
      const [, secondSaw] = await Promise.all([
        db.transact((trx) => insertProbe(trx, "one-a")),
        db.transact(async (trx) => {
          const inside = await probe(trx)
            .selectFrom("gc_probe")
            .select("id")
            .where("id", "=", "one-a")
            .execute();
          return {
            inside: inside.length,
            outside: await outside.count("gc_probe", "id = ?", "one-a"),
          };
        }),
      ]);
      assert.deepEqual(secondSaw, { inside: 1, outside: 0 });
      assert.equal(await outside.count("gc_probe", "id = ?", "one-a"), 1);
    } finally {
      await outside.close();
    }
  });

  it("runs units in the order they came, each seeing the writes of those before it", async () => {
    const seen = await Promise.all(
      [1, 2, 3].map((n) =>
        db.transact(async (trx) => {
          const before = await probe(trx)
            .selectFrom("gc_probe")
            .select("id")
            .where("id", "like", "order-%")
            .orderBy("id")
            .execute();
          await insertProbe(trx, `order-${n}`, n);
          return before.map((r) => r.id);
        }),
      ),
    );
    assert.deepEqual(seen, [[], ["order-1"], ["order-1", "order-2"]]);
  });

  it("rejects every unit of the batch when its COMMIT fails, and commits none of them", async () => {
    const outcomes = await Promise.allSettled([
      db.transact((trx) => insertProbe(trx, "commit-a")),
      // A deferred foreign key is checked at COMMIT, so this unit's own savepoint is fine and
      // the commit of the whole batch fails.
      db.transact(async (trx) => {
        await sql`insert into gc_child (id, parent_id) values ('orphan', 'nobody')`.execute(trx);
      }),
      db.transact((trx) => insertProbe(trx, "commit-c")),
    ]);
    assert.deepEqual(
      outcomes.map((o) => o.status),
      ["rejected", "rejected", "rejected"],
    );
    for (const o of outcomes)
      assert.ok((o as PromiseRejectedResult).reason instanceof BatchFailedError);
    assert.deepEqual(await probeIds(t.db, "commit-"), []);
    // The next batch starts afresh.
    await db.transact((trx) => insertProbe(trx, "commit-after"));
    assert.deepEqual(await probeIds(t.db, "commit-"), ["commit-after"]);
  });

  it("keeps synchronous=FULL: a commit is durable before any unit settles", async () => {
    const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(db.kysely);
    assert.equal(rows[0]?.synchronous, 2);
  });
});

describeOnEachDatabase("a read's reply and its audit row", (t) => {
  it("is never sent before its audit row is durable (seen from another connection at once)", async () => {
    // A commit window long enough for the concurrent reads to share a batch, and every unit
    // lingering in its transaction after its work: a reply sent before the batch's commit would
    // then arrive while its audit row is still invisible to any other connection.
    const db = openDatabase(t.target, { groupCommit: { windowMs: 50, maxBatchMs: 60_000 } });
    const lingering: Db = {
      ...db,
      transact: (work, options) =>
        db.transact(async (trx) => {
          const result = await work(trx);
          await sleep(15);
          return result;
        }, options),
    };
    const ctx = testContext(lingering);
    const app = await testApp(ctx);
    const outside = await outsideConnection(t);
    try {
      const coordinator = await signedInAs(testContext(t.db), "state_coordinator", "mbi");
      const client = await coordinator.session(app);
      const cases = await Promise.all(Array.from({ length: 6 }, () => buildCase(t.db)));
      const seen = await Promise.all(
        cases.map(async (c) => {
          const reply = await client.get(`/api/v1/cases/${c.id}`);
          // Nothing awaited between the reply and this look from outside (synchronous on SQLite).
          const rows = await countOutside(
            outside,
            "audit_log",
            "action = 'case.read' and record_id = ?",
            c.id,
          );
          return { status: reply.statusCode, rows };
        }),
      );
      assert.deepEqual(
        seen,
        cases.map(() => ({ status: 200, rows: 1 })),
      );
    } finally {
      await outside.close();
      await app.close();
      await db.close();
    }
  });
});
