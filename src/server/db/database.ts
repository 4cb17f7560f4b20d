import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  type KyselyPlugin,
  Migrator,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  sql,
  type TransactionSettings,
} from "kysely";
import type { DatabaseTarget, SqliteSynchronous } from "../config.ts";
import type { Keyring } from "../security/keyring.ts";
import { type GroupCommitOptions, type Transact, transactor } from "./group-commit.ts";
import { MIGRATIONS, migrationProvider, SEALING_MIGRATIONS } from "./migrations/index.ts";
import { postgresDialect } from "./postgres.ts";
import type { Database } from "./schema.ts";
import { tuneSqlite } from "./sqlite-tuning.ts";

export type Dialect = "sqlite" | "postgres";

export interface Db {
  readonly kysely: Kysely<Database>;
  readonly dialect: Dialect;
  /**
   * Runs `work` as one unit in a transaction, and settles only once that transaction committed
   * (or rolled back). On SQLite, concurrent units share one commit (group-commit.ts). Inside
   * `work`, use only `trx`: opening another transaction on this Db is refused.
   */
  readonly transact: Transact;
  close(): Promise<void>;
}

const SQLITE_BUSY_TIMEOUT_MS = 5000;
const STATEMENT_CACHE_SIZE = 200;

/**
 * better-sqlite3 compiles SQL on every `prepare`; Kysely prepares once per query. Caching prepared
 * statements by SQL text removes most of the data layer's overhead on the hot read paths. Safe
 * because we never stream (iterate) a statement, so a statement is never in use twice at once.
 */
function withStatementCache(raw: BetterSqlite3.Database) {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => raw.close(),
    prepare(text: string) {
      let statement = cache.get(text);
      if (statement === undefined) {
        statement = raw.prepare(text);
        if (cache.size >= STATEMENT_CACHE_SIZE) {
          const oldest = cache.keys().next().value;
          if (oldest !== undefined) cache.delete(oldest);
        }
        cache.set(text, statement);
      }
      return statement;
    },
  };
}

/**
 * Transactions on SQLite start with BEGIN IMMEDIATE: the write lock is taken (waiting up to the
 * busy timeout) before the first read, so a second process writing the same file waits its turn
 * instead of failing with SQLITE_BUSY when its read snapshot turns out to be stale.
 * A transaction asked for as read only (`setAccessMode("read only")`, e.g. `audit verify`) starts
 * DEFERRED instead: it holds one WAL read snapshot from its first read and never blocks writers.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(
    connection: DatabaseConnection,
    settings: TransactionSettings = {},
  ): Promise<void> {
    const mode = settings.accessMode === "read only" ? "deferred" : "immediate";
    await connection.executeQuery(CompiledQuery.raw(`begin ${mode}`));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

export function openSqlite(
  path: string,
  synchronous: SqliteSynchronous = "full",
): BetterSqlite3.Database {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const raw = new BetterSqlite3(path);
  raw.pragma("journal_mode = WAL");
  // FULL (default): a committed case survives power loss, at one fsync per commit. NORMAL: it
  // survives a crash of the process but not of the machine. docs/decisions/0004.
  raw.pragma(`synchronous = ${synchronous === "normal" ? "NORMAL" : "FULL"}`);
  raw.pragma("foreign_keys = ON");
  raw.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  // Deleted or rewritten rows are zeroed, not left in free space: a note deleted, or free text
  // sealed by a migration, must not linger in the file in plain text.
  raw.pragma("secure_delete = ON");
  tuneSqlite(raw);
  return raw;
}

export function openDatabase(
  target: DatabaseTarget,
  options: {
    poolSize?: number;
    groupCommit?: GroupCommitOptions;
    /** Kysely plugins every statement passes through (tests and benchmarks count statements). */
    plugins?: KyselyPlugin[];
  } = {},
): Db {
  const plugins = options.plugins ?? [];
  if (target.kind === "sqlite") {
    const raw = openSqlite(target.path, target.synchronous);
    const kysely = new Kysely<Database>({
      dialect: new ImmediateSqliteDialect({ database: withStatementCache(raw) as never }),
      plugins,
    });
    const transact = transactor(
      kysely,
      { inTransaction: () => raw.inTransaction },
      options.groupCommit,
    );
    return { kysely, dialect: "sqlite", transact, close: () => kysely.destroy() };
  }
  const kysely = new Kysely<Database>({
    dialect: postgresDialect(target.connectionString, { poolSize: options.poolSize ?? 10 }),
    plugins,
  });
  const transact = transactor(kysely, null, options.groupCommit);
  return { kysely, dialect: "postgres", transact, close: () => kysely.destroy() };
}

/**
 * Kysely looks for its migration tables in every schema of a PostgreSQL database; with several
 * schemas side by side (tests, or tenants) it could find another schema's tables and skip
 * creating its own. The migrator is therefore pinned to the connection's current schema.
 */
export async function migratorFor(db: Db, keyring?: Keyring): Promise<Migrator> {
  const provider = migrationProvider(keyring);
  if (db.dialect !== "postgres") return new Migrator({ db: db.kysely, provider });
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(
    db.kysely,
  );
  const schema = rows[0]?.schema ?? "public";
  return new Migrator({ db: db.kysely, provider, migrationTableSchema: schema });
}

/**
 * Applies every pending migration. The keyring lets a migration encrypt data already stored
 * (2026112907); the server and the CLI always pass it, tests on a fresh database need not.
 */
export async function migrateToLatest(db: Db, keyring?: Keyring): Promise<string[]> {
  const migrator = await migratorFor(db, keyring);
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error");
    throw new Error(
      `migration ${failed?.migrationName ?? "?"} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const applied = (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
  // A migration that sealed plain text leaves the old bytes in unused page space (B-tree pages
  // rebalanced as rows grew) and in the WAL: rebuild the file, then empty the WAL into it.
  if (db.dialect === "sqlite" && applied.some((name) => SEALING_MIGRATIONS.has(name))) {
    await sql`vacuum`.execute(db.kysely);
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db.kysely);
  }
  return applied;
}

/** Readiness: the database answers and every migration this build knows is applied. */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const migrator = await migratorFor(db);
  const applied = await migrator.getMigrations();
  const done = new Set(applied.filter((m) => m.executedAt !== undefined).map((m) => m.name));
  return Object.keys(MIGRATIONS).filter((name) => !done.has(name));
}

export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db.kysely);
}
