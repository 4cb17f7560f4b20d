import { AsyncLocalStorage } from "node:async_hooks";
import { performance } from "node:perf_hooks";
import type { ControlledTransaction, Kysely, Transaction } from "kysely";
import type { Database } from "./schema.ts";

/**
 * Group commit for SQLite (docs/decisions/0005-sqlite-group-commit.md). With synchronous=FULL
 * every commit is an fsync, and better-sqlite3 waits for it on the event loop, so one commit per
 * request caps an audited read at a few hundred a second. Units of work that arrive together are
 * therefore run one after another in ONE `BEGIN IMMEDIATE` transaction, each inside its own
 * SAVEPOINT, and committed with one fsync. Only after that COMMIT does any unit's promise settle,
 * so no reply leaves before its writes (its audit row above all) are durable.
 *
 * A unit whose work throws is rolled back to its savepoint alone and rejects with its own error;
 * the others commit. If the transaction fails as a whole (BEGIN, a savepoint command, COMMIT, or
 * SQLite ending the transaction itself after an I/O error), every unit of the batch rejects.
 */

export type UnitWork<T> = (trx: Transaction<Database>) => Promise<T>;

export interface TransactOptions {
  /**
   * The unit only reads. PostgreSQL: a READ ONLY transaction. SQLite: a DEFERRED transaction of
   * its own, outside any batch: it writes nothing, so it has no fsync to share and takes no
   * write lock (one WAL snapshot from its first read).
   */
  readOnly?: boolean;
}

export type Transact = <T>(work: UnitWork<T>, options?: TransactOptions) => Promise<T>;

export interface GroupCommitOptions {
  /**
   * How long the first unit of a batch waits for others, in ms. 0 (the default): until
   * `setImmediate`, i.e. the requests the event loop has already read join, and nothing waits
   * on a timer.
   */
  windowMs?: number;
  /** At most this many units share one commit. */
  maxUnits?: number;
  /** No unit joins a batch that has run this long (ms), so a batch's latency stays bounded. */
  maxBatchMs?: number;
  /**
   * Throw when a unit opens another transaction on the same database (on SQLite it would wait
   * for its own batch forever). Costs an AsyncLocalStorage; on by default under NODE_ENV=test.
   */
  detectNesting?: boolean;
}

const DEFAULTS = { windowMs: 0, maxUnits: 64, maxBatchMs: 20 };

export class NestedTransactionError extends Error {
  override name = "NestedTransactionError";
  constructor() {
    super(
      "db.transact was called inside a unit of work: use the unit's transaction (on SQLite the " +
        "inner unit would wait for the outer one's batch to commit, which never happens)",
    );
  }
}

/** Marks the async context of a unit's work while the work runs. */
function nestingGuard(enabled: boolean) {
  if (!enabled) return { check() {}, wrap: <T>(work: UnitWork<T>) => work };
  const running = new AsyncLocalStorage<{ open: boolean }>();
  return {
    check() {
      if (running.getStore()?.open) throw new NestedTransactionError();
    },
    wrap:
      <T>(work: UnitWork<T>): UnitWork<T> =>
      (trx) => {
        const mark = { open: true };
        return running.run(mark, async () => {
          try {
            return await work(trx);
          } finally {
            mark.open = false;
          }
        });
      },
  };
}

interface Pending {
  work: UnitWork<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome =
  | { unit: Pending; ok: true; value: unknown }
  | { unit: Pending; ok: false; error: unknown };

export class BatchFailedError extends Error {
  override name = "BatchFailedError";
  constructor(cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`the group commit's transaction failed, so this unit was not committed: ${reason}`, {
      cause,
    });
  }
}

const SAVEPOINT = "unit";

export class GroupCommit {
  readonly #kysely: Kysely<Database>;
  readonly #inTransaction: () => boolean;
  readonly #options: typeof DEFAULTS;
  readonly #queue: Pending[] = [];
  /** A batch is scheduled or running; new units queue for it or the next. */
  #active = false;

  constructor(
    kysely: Kysely<Database>,
    inTransaction: () => boolean,
    options: GroupCommitOptions = {},
  ) {
    this.#kysely = kysely;
    this.#inTransaction = inTransaction;
    this.#options = {
      windowMs: options.windowMs ?? DEFAULTS.windowMs,
      maxUnits: options.maxUnits ?? DEFAULTS.maxUnits,
      maxBatchMs: options.maxBatchMs ?? DEFAULTS.maxBatchMs,
    };
  }

  run<T>(work: UnitWork<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
      if (!this.#active) {
        this.#active = true;
        this.#schedule(this.#options.windowMs);
      }
    });
  }

  #schedule(windowMs: number): void {
    const start = () => void this.#loop();
    if (windowMs > 0) setTimeout(start, windowMs);
    else setImmediate(start);
  }

  async #loop(): Promise<void> {
    try {
      await this.#batch();
    } finally {
      // Units that queued meanwhile have waited a batch already: the next starts at once (after
      // the event loop has written the replies and read new requests).
      if (this.#queue.length > 0) this.#schedule(0);
      else this.#active = false;
    }
  }

  async #batch(): Promise<void> {
    const started = performance.now();
    const taken: Outcome[] = [];
    let trx: ControlledTransaction<Database>;
    try {
      trx = await this.#kysely.startTransaction().execute();
    } catch (error) {
      for (const unit of this.#queue.splice(0, this.#options.maxUnits)) unit.reject(error);
      return;
    }
    let current: Pending | undefined;
    try {
      while (
        taken.length < this.#options.maxUnits &&
        (taken.length === 0 || performance.now() - started < this.#options.maxBatchMs)
      ) {
        current = this.#queue.shift();
        if (current === undefined) break;
        taken.push(await this.#runUnit(trx, current));
        current = undefined;
        if (!this.#inTransaction()) throw new Error("SQLite ended the transaction");
      }
      await trx.commit().execute();
    } catch (error) {
      await trx
        .rollback()
        .execute()
        .catch(() => {});
      const failed = new BatchFailedError(error);
      for (const o of taken) o.unit.reject(o.ok ? failed : o.error);
      // The unit running when the transaction broke: most likely its own error broke it.
      current?.reject(error);
      return;
    }
    for (const o of taken) {
      if (o.ok) o.unit.resolve(o.value);
      else o.unit.reject(o.error);
    }
  }

  /** Runs one unit in its savepoint; a savepoint command that fails fails the whole batch. */
  async #runUnit(trx: ControlledTransaction<Database>, unit: Pending): Promise<Outcome> {
    const inUnit = await trx.savepoint(SAVEPOINT).execute();
    let outcome: Outcome;
    try {
      outcome = { unit, ok: true, value: await unit.work(inUnit) };
    } catch (error) {
      // If SQLite already rolled the whole transaction back (an I/O error, a full disk), there
      // is no savepoint to return to: the unit's error then fails the batch.
      await inUnit
        .rollbackToSavepoint(SAVEPOINT)
        .execute()
        .catch(() => {
          throw error;
        });
      outcome = { unit, ok: false, error };
    }
    await inUnit.releaseSavepoint(SAVEPOINT).execute();
    return outcome;
  }
}

/**
 * `db.transact` for a dialect: group commit on SQLite (`sqlite` says whether the connection is
 * inside a transaction), an ordinary transaction per unit on PostgreSQL.
 */
export function transactor(
  kysely: Kysely<Database>,
  sqlite: { inTransaction(): boolean } | null,
  options: GroupCommitOptions = {},
): Transact {
  const guard = nestingGuard(options.detectNesting ?? process.env.NODE_ENV === "test");
  const group = sqlite ? new GroupCommit(kysely, () => sqlite.inTransaction(), options) : null;
  return <T>(work: UnitWork<T>, o: TransactOptions = {}): Promise<T> => {
    try {
      guard.check();
    } catch (error) {
      return Promise.reject(error);
    }
    const guarded = guard.wrap(work);
    if (group !== null && !o.readOnly) return group.run(guarded);
    const begin = kysely.transaction();
    return (o.readOnly ? begin.setAccessMode("read only") : begin).execute(guarded);
  };
}
