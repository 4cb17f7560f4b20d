import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Kysely, sql } from "kysely";
import { postgresDialect, statementName } from "../../src/server/db/postgres.ts";
import { assertPostgresReachable, TEST_DATABASE_URL } from "../support/databases.ts";

describe("PostgreSQL named prepared statements (db/postgres.ts)", () => {
  // One connection, so every statement below runs on the connection whose statements we count.
  let db: Kysely<Record<string, never>>;
  const BOUND = 3;
  before(async () => {
    await assertPostgresReachable();
    db = new Kysely({
      dialect: postgresDialect(TEST_DATABASE_URL, { poolSize: 1, preparedPerConnection: BOUND }),
    });
  });
  after(async () => {
    await db.destroy();
  });

  const prepared = async () => {
    const { rows } = await sql<{ name: string }>`select name from pg_prepared_statements`.execute(
      db,
    );
    return rows.map((r) => r.name).filter((n) => n.startsWith("wp_"));
  };

  test("a statement with parameters is prepared once, under its text's name, and reused", async () => {
    for (let i = 0; i < 5; i++) {
      const { rows } = await sql<{ n: number }>`select ${i}::int + 1 as n`.execute(db);
      assert.equal(rows[0]?.n, i + 1);
    }
    const names = await prepared();
    assert.ok(names.includes(statementName("select $1::int + 1 as n")));
  });

  test("texts built per call (IN lists of every length) stay within the bound, answers right", async () => {
    for (let length = 1; length <= 12; length++) {
      const values = Array.from({ length }, (_, i) => i);
      const { rows } = await sql<{
        n: number;
      }>`select count(*)::int as n from generate_series(0, 20) as g
        where g in (${sql.join(values)})`.execute(db);
      assert.equal(rows[0]?.n, length);
      assert.ok((await prepared()).length <= BOUND);
    }
  });

  test("a text without parameters keeps the simple protocol: several statements, DDL", async () => {
    await sql`create temporary table wp_prepared_probe (x int); drop table wp_prepared_probe`.execute(
      db,
    );
    await db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ x: number }>`select ${7}::int as x`.execute(trx);
      assert.equal(rows[0]?.x, 7);
    });
  });

  test("a failed statement leaves the connection usable and its name unprepared", async () => {
    await assert.rejects(sql`select ${1}::int / 0 as boom`.execute(db), /division by zero/);
    const { rows } = await sql<{ n: number }>`select ${2}::int as n`.execute(db);
    assert.equal(rows[0]?.n, 2);
    await assert.rejects(sql`select no_such_column from (select ${1}::int) t`.execute(db));
    assert.ok((await prepared()).length <= BOUND);
  });

  test("the statement name fits PostgreSQL's 63-byte identifiers", () => {
    assert.ok(statementName("select 1").length <= 63);
  });
});
