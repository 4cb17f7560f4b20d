import { CompiledQuery, type Transaction } from "kysely";
import type { Dialect } from "../../db/database.ts";
import type { Database } from "../../db/schema.ts";

/** Bound parameters one statement may carry: SQLite's default limit, PostgreSQL's protocol limit. */
const PARAMETER_LIMIT: Record<Dialect, number> = { sqlite: 32_766, postgres: 65_535 };
/** Beyond this many rows a statement gains nothing (SQLite measured: 100 rows ≈ 1000 rows). */
const MAX_ROWS_PER_STATEMENT = 256;

export type Row = readonly unknown[];

/**
 * Multi-row INSERTs for the bulk loader: rows are value arrays in column order, sent as few
 * statements as the parameter limit allows. Statements come in few shapes: full ones, then the
 * remainder as powers of two (137 rows: 128 + 8 + 1), so the database layer's statement cache
 * prepares each shape once for the whole load (a statement per remainder size was re-prepared
 * for nearly every chunk). Kysely's query builder is skipped on purpose: compiling a
 * 30,000-value insert through it per chunk costs more than the insert.
 */
export class MultiRowInserter {
  readonly #texts = new Map<string, string>();

  constructor(private readonly dialect: Dialect) {}

  async insert(
    trx: Transaction<Database>,
    table: string,
    columns: readonly string[],
    rows: readonly Row[],
  ): Promise<void> {
    const perStatement = Math.min(
      MAX_ROWS_PER_STATEMENT,
      Math.floor(PARAMETER_LIMIT[this.dialect] / columns.length),
    );
    let start = 0;
    while (start < rows.length) {
      const left = rows.length - start;
      const count = left >= perStatement ? perStatement : 2 ** Math.floor(Math.log2(left));
      const parameters: unknown[] = [];
      for (let i = start; i < start + count; i++)
        for (const value of rows[i] as Row) parameters.push(value);
      const text = this.text(table, columns, count);
      await trx.executeQuery(CompiledQuery.raw(text, parameters));
      start += count;
    }
  }

  private text(table: string, columns: readonly string[], rows: number): string {
    const key = `${table}:${rows}`;
    let text = this.#texts.get(key);
    if (text === undefined) {
      const tuples: string[] = [];
      let n = 0;
      for (let r = 0; r < rows; r++) {
        const marks = columns.map(() => (this.dialect === "postgres" ? `$${++n}` : "?"));
        tuples.push(`(${marks.join(",")})`);
      }
      const names = columns.map((c) => `"${c}"`).join(",");
      text = `insert into "${table}" (${names}) values ${tuples.join(",")}`;
      this.#texts.set(key, text);
    }
    return text;
  }
}
