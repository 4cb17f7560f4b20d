import type { Kysely, Transaction } from "kysely";
import type { AuditSealsTable, Database } from "../db/schema.ts";
import { CHAINED_COLUMNS, GENESIS_HASH, hashAuditRow } from "./audit-chain.ts";
import { unsealedBacklog } from "./audit-sealer.ts";
import type { SealVerifier } from "./seal-signature.ts";

export type ChainVerdict =
  | {
      ok: true;
      /** Sealed rows checked: chain positions 1…headSeq, every one present. */
      sealed: number;
      headSeq: number;
      /** Signed batch heads checked. */
      batches: number;
      /** Rows appended but not sealed yet (not yet protected; see audit-log.ts). */
      unsealed: number;
      /** Age of the oldest unsealed row when the walk began; null when none. */
      oldestUnsealedAgeMs: number | null;
    }
  | { ok: false; seq: number; problem: string };

type Executor = Kysely<Database> | Transaction<Database>;
const PAGE = 2000;

/**
 * Walks the sealed chain in chain order, up to the last signed batch head as it stood when the
 * walk began, and reports the first row that was changed, removed, moved or inserted, and any
 * batch head that is missing, does not match its rows or whose signature fails. `seq` in a
 * failure is the chain position. The walk runs in one read snapshot (PostgreSQL: REPEATABLE
 * READ, read only; SQLite: a deferred transaction, which keeps one WAL snapshot and takes no
 * write lock), so rows sealed meanwhile by this or another process are neither seen half-way nor
 * mistaken for a gap. Called inside a transaction, it uses that transaction's view.
 */
export async function verifyAuditChain(
  db: Kysely<Database>,
  key: SealVerifier,
  options: { now?: Date; onProgress?: (done: number, total: number) => void } = {},
): Promise<ChainVerdict> {
  const now = options.now ?? new Date();
  if (db.isTransaction) return walk(db, key, now, options.onProgress);
  return db
    .transaction()
    .setIsolationLevel("repeatable read")
    .setAccessMode("read only")
    .execute((trx) => walk(trx, key, now, options.onProgress));
}

async function walk(
  db: Executor,
  key: SealVerifier,
  now: Date,
  onProgress?: (done: number, total: number) => void,
): Promise<ChainVerdict> {
  const lastSeal = await db
    .selectFrom("audit_seals")
    .select(["batch", "last_chain_seq"])
    .orderBy("batch", "desc")
    .limit(1)
    .executeTakeFirst();
  const total = Number(lastSeal?.last_chain_seq ?? 0);
  const seals = sealCursor(db);
  let seal = await seals.next();
  let expected = 1;
  let prevHash = GENESIS_HASH;
  let batches = 0;
  for (;;) {
    const rows = await db
      .selectFrom("audit_log")
      .select([...CHAINED_COLUMNS, "chain_seq", "prev_hash", "hash"])
      .where("chain_seq", ">=", expected)
      .orderBy("chain_seq")
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      const at = Number(row.chain_seq);
      if (at > total)
        return fail(at, `row ${at} is sealed but under no signed batch head (inserted)`);
      if (at < expected) return fail(at, `a second row claims position ${at} (inserted)`);
      if (at !== expected) return fail(expected, `row ${expected} is missing`);
      if (row.prev_hash !== prevHash)
        return fail(at, `row ${at} does not follow row ${at - 1} (moved or removed)`);
      const content = { ...row, seq: Number(row.seq) };
      const hash = hashAuditRow(prevHash, at, content);
      if (hash !== row.hash) return fail(at, `row ${at} was changed`);
      prevHash = hash;
      if (!seal || Number(seal.first_chain_seq) > at)
        return fail(at, `row ${at} is in no signed batch (a batch head is missing)`);
      if (Number(seal.last_chain_seq) === at) {
        const problem = sealProblem(seal, batches + 1, prevHash, key);
        if (problem) return fail(at, problem);
        batches += 1;
        seal = await seals.next();
        if (seal && Number(seal.batch) !== batches + 1)
          return fail(at + 1, `batch ${batches + 1} is missing`);
        if (seal && Number(seal.first_chain_seq) !== at + 1)
          return fail(at + 1, `batch ${seal.batch} does not start after row ${at}`);
      }
      expected += 1;
    }
    onProgress?.(expected - 1, total);
    if (rows.length < PAGE) break;
  }
  if (expected - 1 !== total)
    return fail(expected, `rows ${expected}–${total} are missing (the log ends early)`);
  if (seal) return fail(total, `batch ${seal.batch} covers no rows`);
  const backlog = await unsealedBacklog(db);
  return {
    ok: true,
    sealed: total,
    headSeq: total,
    batches,
    unsealed: backlog.rows,
    oldestUnsealedAgeMs:
      backlog.oldestAt === null ? null : Math.max(0, now.getTime() - Date.parse(backlog.oldestAt)),
  };
}

const fail = (seq: number, problem: string): ChainVerdict => ({ ok: false, seq, problem });

/** What is wrong with a batch head that closes at the row just checked, if anything. */
function sealProblem(
  seal: AuditSealsTable,
  expectedBatch: number,
  rowHash: string,
  key: SealVerifier,
): string | null {
  const batch = Number(seal.batch);
  if (batch !== expectedBatch) return `batch ${expectedBatch} is missing`;
  if (seal.head_hash !== rowHash) return `batch ${batch}'s head does not match its last row`;
  if (seal.key_id !== key.keyId)
    return `batch ${batch} is signed by key ${seal.key_id}, not by this audit key (${key.keyId})`;
  const head = {
    batch,
    firstChainSeq: Number(seal.first_chain_seq),
    lastChainSeq: Number(seal.last_chain_seq),
    headHash: seal.head_hash,
    sealedAt: seal.sealed_at,
    keyId: seal.key_id,
  };
  if (!key.verify(head, seal.signature))
    return `batch ${batch}'s signature is not valid (a forged or altered batch head)`;
  return null;
}

/** The batch heads in order, a page at a time. */
function sealCursor(db: Executor) {
  let page: AuditSealsTable[] = [];
  let after = 0;
  let done = false;
  return {
    async next(): Promise<AuditSealsTable | undefined> {
      if (page.length === 0 && !done) {
        page = await db
          .selectFrom("audit_seals")
          .selectAll()
          .where("batch", ">", after)
          .orderBy("batch")
          .limit(PAGE)
          .execute();
        if (page.length < PAGE) done = true;
        after = Number(page.at(-1)?.batch ?? after);
      }
      return page.shift();
    },
  };
}
