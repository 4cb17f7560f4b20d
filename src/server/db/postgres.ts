import { createHash } from "node:crypto";
import { PostgresDialect, type PostgresPool, type PostgresPoolClient } from "kysely";
import pg from "pg";

/**
 * How many named statements one connection keeps prepared. The hot paths use a few dozen
 * statements; statements whose text is built per call (IN lists of varying length) would add a
 * name each, so the least recently used one is deallocated past this bound.
 */
export const PREPARED_PER_CONNECTION = 256;

/** Named by their text: the same SQL is the same statement on every connection and process. */
export function statementName(text: string): string {
  return `wp_${createHash("sha1").update(text).digest("hex")}`;
}

/** The part of pg's client that remembers prepared names (pg 8: lib/connection.js). */
interface PgInternals {
  connection?: { parsedStatements?: Record<string, string> };
}

/**
 * The statements one connection has prepared, most recently used last. pg itself remembers each
 * name it parsed on a connection (`connection.parsedStatements`) and never forgets one, so an
 * evicted name is removed there too, after the server has deallocated it.
 */
class PreparedNames {
  readonly #names = new Map<string, true>();
  constructor(
    private readonly client: pg.PoolClient,
    private readonly bound: number,
  ) {}

  /** The name to run `text` under; deallocates the least recently used one past the bound. */
  async use(text: string): Promise<string> {
    const name = statementName(text);
    if (this.#names.delete(name)) {
      this.#names.set(name, true);
      return name;
    }
    if (this.#names.size >= this.bound) {
      const oldest = this.#names.keys().next().value as string;
      this.#names.delete(oldest);
      const parsed = (this.client as unknown as PgInternals).connection?.parsedStatements;
      // Only a statement the server really holds (a failed parse leaves none to deallocate).
      if (parsed?.[oldest] !== undefined) {
        await this.client.query(`deallocate ${oldest}`);
        delete parsed[oldest];
      }
    }
    this.#names.set(name, true);
    return name;
  }
}

/**
 * A pool whose clients run every statement that takes parameters as a named prepared statement:
 * PostgreSQL parses and plans it once per connection instead of on every call (Kysely's
 * PostgresDialect sends unnamed statements). Statements without parameters (BEGIN, COMMIT, DDL,
 * a migration's several statements in one text) keep the simple protocol, which they need.
 */
function preparingPool(pool: pg.Pool, bound: number): PostgresPool {
  // One wrapper per pg client, so Kysely (which keys its connections by client) sees one too.
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    const prepared = new PreparedNames(client, bound);
    const wrapped = {
      // Not async: a cursor (no text) must come back as it is, not wrapped in a promise.
      query(text: unknown, values?: ReadonlyArray<unknown>) {
        if (typeof text !== "string" || !values || values.length === 0)
          return client.query(text as never, values as never);
        const args = values as unknown[];
        return prepared.use(text).then((name) => client.query({ name, text, values: args }));
      },
      release: (destroy?: boolean) => client.release(destroy),
    };
    return wrapped as unknown as PostgresPoolClient;
  };
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      let wrapped = wrappers.get(client);
      if (wrapped === undefined) {
        wrapped = wrap(client);
        wrappers.set(client, wrapped);
      }
      return wrapped;
    },
    end: () => pool.end(),
  };
}

export interface PostgresOptions {
  poolSize: number;
  /** Named statements kept per connection; 0 sends every statement unnamed (as Kysely does). */
  preparedPerConnection?: number;
}

/** The PostgreSQL dialect: a pool of `poolSize` connections that prepare what they run. */
export function postgresDialect(connectionString: string, options: PostgresOptions) {
  const pool = new pg.Pool({
    connectionString,
    max: options.poolSize,
    connectionTimeoutMillis: 5000,
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on("error", () => {});
  const bound = options.preparedPerConnection ?? PREPARED_PER_CONNECTION;
  return new PostgresDialect({ pool: bound > 0 ? preparingPool(pool, bound) : pool });
}
