import pg from "pg";

/**
 * Counts the statements this process sends to PostgreSQL, each one a round trip: every query of
 * every pg client (BEGIN, COMMIT and a prepared statement's DEALLOCATE included), however the
 * pool or dialect above it is built, so the same counter measures any version of the data layer.
 */
export class QueryCounter {
  #statements: string[] = [];

  /** The statements sent since the last call, and forgets them. */
  take(): string[] {
    const taken = this.#statements;
    this.#statements = [];
    return taken;
  }

  record(text: string): void {
    this.#statements.push(text);
  }
}

let installed: QueryCounter | undefined;

/** Starts counting (once per process; later calls answer the same counter). */
export function countPostgresRoundTrips(): QueryCounter {
  if (installed) return installed;
  const counter = new QueryCounter();
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function counted(this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string } | undefined;
    counter.record(typeof first === "string" ? first : (first?.text ?? "(cursor)"));
    return query.apply(this, args);
  } as never;
  installed = counter;
  return counter;
}

/** One line per statement, shortened, for a readable list of what a request sent. */
export function summarize(statements: string[]): string[] {
  return statements.map((s) => s.replace(/\s+/g, " ").slice(0, 120));
}
