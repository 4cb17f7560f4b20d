import assert from "node:assert/strict";
import { before, it } from "node:test";
import { sql } from "kysely";
import type { Db } from "../../src/server/db/database.ts";
import { describeOnEachDatabase } from "../support/databases.ts";
import { kyselyTableTypes, type TypedColumn } from "../support/table-types.ts";

/** Kysely's own bookkeeping: it has no table type, and the application never reads it. */
const KYSELY_TABLES = new Set(["kysely_migration", "kysely_migration_lock"]);

interface StoredColumn {
  type: string;
  nullable: boolean;
}

/** Every application table of the migrated database, with its columns, as the database says. */
async function storedSchema(db: Db): Promise<Map<string, Map<string, StoredColumn>>> {
  const schema = new Map<string, Map<string, StoredColumn>>();
  const column = (table: string, name: string, stored: StoredColumn) => {
    if (KYSELY_TABLES.has(table)) return;
    if (!schema.has(table)) schema.set(table, new Map());
    schema.get(table)?.set(name, stored);
  };
  if (db.dialect === "sqlite") {
    const tables = await sql<{ name: string }>`
      select name from sqlite_master where type = 'table' and name not like 'sqlite_%'
    `.execute(db.kysely);
    for (const { name } of tables.rows) {
      const info = await sql<{ name: string; type: string; notnull: number; pk: number }>`
        select name, type, "notnull", pk from pragma_table_info(${name})
      `.execute(db.kysely);
      // SQLite lets a lone non-INTEGER primary key column hold NULL unless it is also declared
      // NOT NULL (a documented legacy quirk); the migrations mean a key, as on PostgreSQL.
      for (const c of info.rows)
        column(name, c.name, { type: c.type.toLowerCase(), nullable: !c.notnull && c.pk === 0 });
    }
  } else {
    const columns = await sql<{
      table_name: string;
      column_name: string;
      data_type: string;
      is_nullable: "YES" | "NO";
    }>`
      select c.table_name, c.column_name, c.data_type, c.is_nullable
      from information_schema.columns c
      join information_schema.tables t
        on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
      order by c.table_name, c.ordinal_position
    `.execute(db.kysely);
    for (const c of columns.rows)
      column(c.table_name, c.column_name, { type: c.data_type, nullable: c.is_nullable === "YES" });
  }
  return schema;
}

/** The column kinds the portable migrations use (text, integer) and what Kysely returns. */
const KIND_OF: Record<string, TypedColumn["kind"]> = { text: "string", integer: "number" };

// Read once for both databases: building the compiler's program takes a second or two.
const types = kyselyTableTypes();

describeOnEachDatabase("schema matches the Kysely table types", (t) => {
  let stored: Map<string, Map<string, StoredColumn>>;
  before(async () => {
    stored = await storedSchema(t.db);
  });

  it("reads a plausible picture of both sides", () => {
    assert.ok(types.size >= 30, `${types.size} table types`);
    assert.ok(types.get("cases")?.has("case_number"), "the table types were read");
    assert.ok(stored.get("cases")?.has("case_number"), "the stored schema was read");
  });

  it("has a table type for every table, and a table for every table type", () => {
    const tablesWithoutType = [...stored.keys()].filter((table) => !types.has(table)).sort();
    const typesWithoutTable = [...types.keys()].filter((table) => !stored.has(table)).sort();
    assert.deepEqual(
      { tablesWithoutType, typesWithoutTable },
      { tablesWithoutType: [], typesWithoutTable: [] },
    );
  });

  it("types every column with its stored kind and nullability, and no column more", () => {
    const drift: string[] = [];
    for (const [table, typed] of types) {
      const columns = stored.get(table);
      if (!columns) continue;
      for (const [name, column] of columns) {
        const type = typed.get(name);
        if (!type) {
          drift.push(`${table}.${name}: stored (${column.type}), not in the table type`);
          continue;
        }
        if (type.nullable !== column.nullable)
          drift.push(
            `${table}.${name}: ${column.nullable ? "nullable" : "not null"} in the database, ` +
              `${type.nullable ? "nullable" : "not null"} in the table type`,
          );
        const kind = KIND_OF[column.type] ?? "other";
        if (type.kind !== kind)
          drift.push(`${table}.${name}: stored as ${column.type}, typed as ${type.kind}`);
      }
      for (const name of typed.keys())
        if (!columns.has(name)) drift.push(`${table}.${name}: in the table type, not stored`);
    }
    assert.deepEqual(drift, []);
  });
});
