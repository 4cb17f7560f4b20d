import { createHash } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Clock } from "../clock.ts";
import type { Transact } from "../db/group-commit.ts";
import type { AuditRow, Database } from "../db/schema.ts";

/**
 * The one audit path. Every read and write of person and case data, and every security event,
 * appends a row here inside the transaction of the change, so there is no change without its
 * audit row and no audit row for a change that rolled back.
 *
 * Rows are hash-chained: each row's hash covers its content and the previous row's hash, and
 * `audit_head` holds the last sequence number and hash. Appending starts with
 * UPDATE audit_head … RETURNING, which takes the head's row lock on PostgreSQL (SQLite has one
 * writer), so concurrent transactions append one after another and the chain never forks.
 *
 * Rows name fields, never their values: identity data must not leak into the audit trail.
 */
export type AuditOutcome = "allowed" | "denied" | "failed";

export interface AuditActor {
  userId: string;
  agencyId: string | null;
  role: string | null;
}

export interface AuditContext {
  actor: AuditActor | null;
  clientIp: string | null;
  clock: Clock;
}

export interface AuditEntry {
  action: string;
  recordType?: string;
  recordId?: string;
  /** Names of the fields read or changed (never their values). */
  fields?: string[];
  outcome: AuditOutcome;
  /** Non-identifying detail: reason codes, legal basis, counts. */
  detail?: Record<string, string | number | boolean | null>;
}

export const GENESIS_HASH = "0".repeat(64);

type Executor = Kysely<Database> | Transaction<Database>;
type RowContent = Omit<AuditRow, "hash" | "prev_hash">;

export function hashAuditRow(prevHash: string, row: RowContent): string {
  const canonical = JSON.stringify([
    row.seq,
    row.at,
    row.actor_user_id,
    row.actor_agency_id,
    row.actor_role,
    row.action,
    row.record_type,
    row.record_id,
    row.fields,
    row.client_ip,
    row.outcome,
    row.detail,
  ]);
  return createHash("sha256").update(prevHash).update("\n").update(canonical).digest("hex");
}

/** Appends entries in the caller's transaction. */
export async function appendAudit(
  trx: Executor,
  ctx: AuditContext,
  entries: AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const head = await trx
    .updateTable("audit_head")
    .set((eb) => ({ seq: eb("seq", "+", entries.length) }))
    .where("id", "=", 1)
    .returning(["seq", "hash"])
    .executeTakeFirstOrThrow();
  let prevHash = head.hash;
  let seq = Number(head.seq) - entries.length;
  const at = ctx.clock.now().toISOString();
  const rows: AuditRow[] = entries.map((e) => {
    seq += 1;
    const content: RowContent = {
      seq,
      at,
      actor_user_id: ctx.actor?.userId ?? null,
      actor_agency_id: ctx.actor?.agencyId ?? null,
      actor_role: ctx.actor?.role ?? null,
      action: e.action,
      record_type: e.recordType ?? null,
      record_id: e.recordId ?? null,
      fields: JSON.stringify(e.fields ?? []),
      client_ip: ctx.clientIp,
      outcome: e.outcome,
      detail: JSON.stringify(e.detail ?? {}),
    };
    const hash = hashAuditRow(prevHash, content);
    const row = { ...content, prev_hash: prevHash, hash };
    prevHash = hash;
    return row;
  });
  await trx.insertInto("audit_log").values(rows).execute();
  await trx.updateTable("audit_head").set({ hash: prevHash }).where("id", "=", 1).execute();
}

/** For events that must be recorded even though the request fails (a refused login). */
export async function appendAuditNow(
  db: { transact: Transact },
  ctx: AuditContext,
  entries: AuditEntry[],
): Promise<void> {
  await db.transact((trx) => appendAudit(trx, ctx, entries));
}

export type ChainVerdict =
  | { ok: true; rows: number; headSeq: number }
  | { ok: false; seq: number; problem: string };

/**
 * Walks the chain in order up to the head as it stood when the walk began, and reports the first
 * row that was changed, removed or moved. The walk runs in one read snapshot (PostgreSQL:
 * REPEATABLE READ, read only; SQLite: a deferred transaction, which keeps one WAL snapshot and
 * takes no write lock), so rows appended meanwhile by this or another process are neither seen
 * half-way nor mistaken for a gap. Called inside a transaction, it uses that transaction's view.
 */
export async function verifyAuditChain(
  db: Kysely<Database>,
  onProgress?: (done: number, total: number) => void,
): Promise<ChainVerdict> {
  if (db.isTransaction) return walkChain(db, onProgress);
  return db
    .transaction()
    .setIsolationLevel("repeatable read")
    .setAccessMode("read only")
    .execute((trx) => walkChain(trx, onProgress));
}

async function walkChain(
  db: Executor,
  onProgress?: (done: number, total: number) => void,
): Promise<ChainVerdict> {
  const head = await db
    .selectFrom("audit_head")
    .select(["seq", "hash"])
    .where("id", "=", 1)
    .executeTakeFirstOrThrow();
  const total = Number(head.seq);
  let expected = 1;
  let prevHash = GENESIS_HASH;
  const BATCH = 2000;
  while (expected <= total) {
    const rows = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("seq", ">=", expected)
      .where("seq", "<=", total)
      .orderBy("seq")
      .limit(BATCH)
      .execute();
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expected)
        return { ok: false, seq: expected, problem: `row ${expected} is missing` };
      if (row.prev_hash !== prevHash) {
        return {
          ok: false,
          seq,
          problem: `row ${seq} does not follow row ${seq - 1} (moved or removed)`,
        };
      }
      const { hash, prev_hash: _prev, ...content } = row;
      if (hashAuditRow(prevHash, { ...content, seq }) !== hash) {
        return { ok: false, seq, problem: `row ${seq} was changed` };
      }
      prevHash = hash;
      expected += 1;
    }
    onProgress?.(expected - 1, total);
    if (rows.length < BATCH) break;
  }
  if (expected - 1 !== total) {
    return {
      ok: false,
      seq: expected,
      problem: `rows ${expected}–${total} are missing (the log ends early)`,
    };
  }
  if (prevHash !== head.hash)
    return { ok: false, seq: total, problem: "the chain head does not match the last row" };
  return { ok: true, rows: expected - 1, headSeq: total };
}
