import { createHash } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";
import type { ChainVerdict } from "./audit-verify.ts";

/**
 * The audit chain as builds before migration 2026120201 wrote it: appended and chained in one
 * step, every row's hash over seq and content, the last in `audit_head`. Frozen here for that
 * migration and for a restore of a backup taken by such a build (checked before it is migrated).
 */
type LegacyRow = Record<string, string | number | null>;

export function legacyHash(prev: string, row: LegacyRow): string {
  const canonical = JSON.stringify([
    Number(row.seq),
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
  return createHash("sha256").update(prev).update("\n").update(canonical).digest("hex");
}

/** The old walk, in one read snapshot: every row 1…head in order, each following the last. */
export function verifyLegacyAuditChain(db: Kysely<Database>): Promise<ChainVerdict> {
  return db
    .transaction()
    .setIsolationLevel("repeatable read")
    .setAccessMode("read only")
    .execute(async (trx) => {
      const head = (
        await sql<{ seq: number; hash: string }>`select seq, hash from audit_head`.execute(trx)
      ).rows[0] ?? { seq: 0, hash: "0".repeat(64) };
      const total = Number(head.seq);
      let prev = "0".repeat(64);
      let expected = 1;
      for (;;) {
        const rows = (
          await sql<LegacyRow>`select * from audit_log where seq >= ${expected} and seq <= ${total}
            order by seq limit 2000`.execute(trx)
        ).rows;
        for (const row of rows) {
          const seq = Number(row.seq);
          if (seq !== expected)
            return { ok: false, seq: expected, problem: `row ${expected} is missing` };
          if (row.prev_hash !== prev)
            return { ok: false, seq, problem: `row ${seq} does not follow row ${seq - 1}` };
          prev = legacyHash(prev, row);
          if (prev !== row.hash) return { ok: false, seq, problem: `row ${seq} was changed` };
          expected += 1;
        }
        if (rows.length < 2000) break;
      }
      if (expected - 1 !== total || prev !== head.hash)
        return { ok: false, seq: expected, problem: "the log ends before its head" };
      return {
        ok: true,
        sealed: total,
        headSeq: total,
        batches: 0,
        unsealed: 0,
        oldestUnsealedAgeMs: null,
      };
    });
}
