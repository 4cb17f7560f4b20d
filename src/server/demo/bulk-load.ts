import { sql, type Transaction } from "kysely";
import { auditContextFor } from "../access/actor.ts";
import { appendAudit } from "../audit/audit-log.ts";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/database.ts";
import type { Database } from "../db/schema.ts";
import type { Keyring } from "../security/keyring.ts";
import { withDeferredIndexes } from "./bulk/deferred-indexes.ts";
import { readDirectory } from "./bulk/directory.ts";
import { withLoadPragmas } from "./bulk/load-pragmas.ts";
import { MultiRowInserter } from "./bulk/multi-row-insert.ts";
import { SeededIds, SeededRandom } from "./bulk/seeded-random.ts";
import { SyntheticCases } from "./bulk/synthetic-case.ts";
import { BULK_TABLES, type BulkBatch, type BulkTable, emptyBatch } from "./bulk/tables.ts";

export interface BulkLoadOptions {
  cases: number;
  /** The same seed (and clock) gives the same cases; 2026 unless asked. */
  seed?: number;
  onProgress?: (done: number, total: number) => void;
  /** Refuses to run when true; callers pass `config.env === "production"`. */
  production?: boolean;
}

export interface BulkLoadResult {
  cases: number;
  /** Rows written per table (cases, persons, obligations, …), for the caller to report. */
  rows: Record<BulkTable, number>;
  ms: number;
}

/** Cases per transaction: large enough that commits cost nothing, small enough to keep memory flat. */
const CASES_PER_TRANSACTION = 5000;
/** Cases made and inserted together inside a transaction. */
const CASES_PER_CHUNK = 250;
const NAME_POOL = 1500;

/**
 * Fills a database that the demo seed has set up (agencies, users, memberships: `seedDemo` with
 * `cases: 0`) with synthetic cases that read like the seed's and intake's (see SyntheticCases),
 * fast enough for a million: multi-row INSERTs in transactions of 5,000 cases, and on SQLite
 * `synchronous = OFF` and a larger page cache for the load only (restored after; a crash
 * mid-load can lose the load, never an earlier commit, and the load is demo data).
 *
 * Every sealed field is encrypted for its own row (the keyring binds table, column and row), so
 * the cost of a load is mostly AES-GCM: no ciphertext is reused.
 *
 * The audit trail gets one `demo.bulk_load` row per transaction, with the count of cases it
 * wrote, appended through the audit path in that transaction: a bulk load is one operator's act,
 * not 5,000 intakes, and a million `case.create` rows would only drown the trail (the demo seed,
 * which opens each case through intake's unit, writes those rows; this loader does not).
 * Statistics are refreshed at the end (ANALYZE), so the planner sees the new sizes at once.
 */
export async function bulkLoadCases(
  db: Db,
  keyring: Keyring,
  clock: Clock,
  options: BulkLoadOptions,
): Promise<BulkLoadResult> {
  if (options.production) throw new Error("demo data is never loaded when NODE_ENV=production");
  const started = performance.now();
  const seed = options.seed ?? 2026;
  const nowMs = clock.now().getTime();
  const random = new SeededRandom(seed);
  const directory = await readDirectory(db.kysely);
  const caseNumbers = new Map(
    (await db.kysely.selectFrom("case_number_counters").selectAll().execute()).map((c) => [
      Number(c.year),
      Number(c.last_value),
    ]),
  );
  const cases = new SyntheticCases({
    random,
    ids: new SeededIds(random, await idsStartAt(db, nowMs)),
    keyring,
    directory,
    names: await namePools(seed),
    caseNumbers,
    nowMs,
  });
  const inserter = new MultiRowInserter(db.dialect);
  const rows = Object.fromEntries(Object.keys(BULK_TABLES).map((t) => [t, 0])) as Record<
    BulkTable,
    number
  >;
  const writeChunk = (trx: Transaction<Database>, chunk: BulkBatch) =>
    writeBatch(trx, inserter, chunk, rows);
  await withLoadPragmas(db, () =>
    withDeferredIndexes(db, options.cases, async () => {
      for (let done = 0; done < options.cases; ) {
        const size = Math.min(CASES_PER_TRANSACTION, options.cases - done);
        await db.kysely.transaction().execute(async (trx) => {
          if (db.dialect === "postgres") await sql`set local synchronous_commit = off`.execute(trx);
          // Made and written a chunk at a time: rows die young (holding a whole transaction's
          // rows made garbage collection a quarter of the generator's CPU in a profile), and on
          // PostgreSQL the next chunk is made while the server inserts the previous one.
          let writing: Promise<void> = Promise.resolve();
          for (let made = 0; made < size; ) {
            const chunk = emptyBatch();
            const count = Math.min(CASES_PER_CHUNK, size - made);
            for (let i = 0; i < count; i++) cases.add(chunk);
            made += count;
            await writing;
            writing = writeChunk(trx, chunk);
          }
          await writing;
          await saveCaseNumbers(trx, caseNumbers);
          await appendAudit(trx, auditContextFor(null, clock), [
            {
              action: "demo.bulk_load",
              recordType: "case",
              outcome: "allowed",
              detail: { cases: size, seed, synthetic: true },
            },
          ]);
        });
        done += size;
        options.onProgress?.(done, options.cases);
      }
    }),
  );
  await refreshStatistics(db);
  return { cases: options.cases, rows, ms: performance.now() - started };
}

/**
 * Ids count up from the load's clock, or from just after the newest id a previous load wrote if
 * that is later (a second load at the same clock time must not meet the first one's ids).
 */
async function idsStartAt(db: Db, nowMs: number): Promise<number> {
  let start = nowMs;
  for (const table of ["cases", "case_events", "obligations", "jobs"] as const) {
    const row = await db.kysely
      .selectFrom(table)
      .select((eb) => eb.fn.max("id").as("id"))
      .executeTakeFirst();
    const id = row?.id;
    if (typeof id === "string") start = Math.max(start, uuidV7Ms(id) + 1);
  }
  return start;
}

const uuidV7Ms = (id: string) => Number.parseInt(id.replaceAll("-", "").slice(0, 12), 16);

async function writeBatch(
  trx: Transaction<Database>,
  inserter: MultiRowInserter,
  batch: BulkBatch,
  counts: Record<BulkTable, number>,
): Promise<void> {
  for (const table of Object.keys(BULK_TABLES) as BulkTable[]) {
    await inserter.insert(trx, table, BULK_TABLES[table], batch[table]);
    counts[table] += batch[table].length;
  }
}

async function saveCaseNumbers(trx: Transaction<Database>, numbers: Map<number, number>) {
  for (const [year, last] of numbers)
    await trx
      .insertInto("case_number_counters")
      .values({ year, last_value: last })
      .onConflict((oc) => oc.column("year").doUpdateSet({ last_value: last }))
      .execute();
}

/** Given and family names drawn once from faker (seeded), then picked per person. */
async function namePools(seed: number) {
  const { Faker, en, en_US, base } = await import("@faker-js/faker");
  const faker = new Faker({ locale: [en_US, en, base] });
  faker.seed(seed);
  return {
    given: Array.from({ length: NAME_POOL }, () => faker.person.firstName()),
    family: Array.from({ length: NAME_POOL }, () => faker.person.lastName()),
  };
}

/**
 * ANALYZE, so the planner knows the new sizes at once. On SQLite each index is sampled (about a
 * thousand rows a level, `analysis_limit`) rather than read whole: the estimates the planner
 * needs, in seconds instead of minutes at a million cases.
 */
async function refreshStatistics(db: Db): Promise<void> {
  if (db.dialect === "postgres") {
    await sql`analyze`.execute(db.kysely);
    return;
  }
  const { rows } = await sql<{ analysis_limit: number }>`pragma analysis_limit`.execute(db.kysely);
  await sql`pragma analysis_limit = 1000`.execute(db.kysely);
  try {
    await sql`analyze`.execute(db.kysely);
    await sql`pragma optimize`.execute(db.kysely);
  } finally {
    await sql
      .raw(`pragma analysis_limit = ${Number(rows[0]?.analysis_limit ?? 0)}`)
      .execute(db.kysely);
  }
}
