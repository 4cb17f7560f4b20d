import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { sql } from "kysely";
import { TEST_DATABASE_URL, type TestDatabase } from "./databases.ts";

/** Everything the database holds, as text: the SQLite file and its WAL, or a PostgreSQL dump. */
export async function storedText(t: TestDatabase): Promise<string> {
  if (t.target.kind === "sqlite") {
    const path = t.target.path;
    const text = [path, `${path}-wal`]
      .filter((p) => existsSync(p))
      .map((p) => readFileSync(p).toString("latin1"))
      .join("");
    assert.ok(text.length > 0);
    return text;
  }
  const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(t.db.kysely))
    .rows[0]?.s as string;
  const dump = execFileSync("pg_dump", ["--data-only", `--schema=${schema}`, TEST_DATABASE_URL], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.match(dump, /COPY/);
  return dump;
}
