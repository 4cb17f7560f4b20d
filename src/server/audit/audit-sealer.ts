import { type Kysely, sql, type Transaction } from "kysely";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/database.ts";
import type { Database } from "../db/schema.ts";
import type { Keyring } from "../security/keyring.ts";
import { CHAINED_COLUMNS, GENESIS_HASH, hashAuditRow, type SealHead } from "./audit-chain.ts";
import { sealSignerFor } from "./seal-signature.ts";

/**
 * The sequencer of the audit log (as in Certificate Transparency / Trillian): requests only
 * append rows; one sealer at a time gives committed rows their chain positions, in seq order, and
 * signs each batch's head. Leadership is the transaction's own lock: on PostgreSQL a transaction
 * advisory lock taken with try (another server's sealer holds it: skip this round), on SQLite the
 * write lock every transaction starts with (BEGIN IMMEDIATE). A crashed sealer holds nothing
 * afterwards: its transaction rolled back, and the next round seals what it left.
 *
 * PostgreSQL hands out identity values before commit, so rows commit out of seq order and a
 * rolled-back append burns its values. The sealer therefore never waits for a gap in `seq`: it
 * seals what is committed, lowest seq first; a row that commits later with a lower seq gets a
 * later chain position. Chain positions (`chain_seq`) have no gaps, which is what lets the
 * verifier see a deleted sealed row.
 */
export const DEFAULT_SEAL_BATCH = 1000;

/** Advisory lock key (classid): "WPSA"; objid is the schema, so each tenant schema seals alone. */
const SEALER_LOCK = 0x57505341;

export interface SealRound {
  /** Rows sealed in this round (0 when there was nothing to seal or another sealer leads). */
  sealed: number;
  /** The batch written, if any. */
  batch: number | null;
  /** Whether this round held the sealer's lock (false: another process was sealing). */
  leader: boolean;
}

type Trx = Transaction<Database>;

/** Seals up to `batch` committed unsealed rows, oldest seq first, as one signed batch. */
export async function sealPending(
  db: Db,
  keyring: Keyring,
  clock: Clock,
  options: { batch?: number } = {},
): Promise<SealRound> {
  const limit = options.batch ?? DEFAULT_SEAL_BATCH;
  const signer = sealSignerFor(keyring);
  return db.kysely.transaction().execute(async (trx) => {
    if (db.dialect === "postgres" && !(await tryLeadership(trx)))
      return { sealed: 0, batch: null, leader: false };
    const last = await trx
      .selectFrom("audit_seals")
      .select(["batch", "last_chain_seq", "head_hash"])
      .orderBy("batch", "desc")
      .limit(1)
      .executeTakeFirst();
    const pending = await trx
      .selectFrom("audit_log")
      .select(CHAINED_COLUMNS)
      .where("chain_seq", "is", null)
      .orderBy("seq")
      .limit(limit)
      .execute();
    if (pending.length === 0) return { sealed: 0, batch: null, leader: true };
    let prevHash = last?.head_hash ?? GENESIS_HASH;
    let chainSeq = Number(last?.last_chain_seq ?? 0);
    const firstChainSeq = chainSeq + 1;
    const sealed = pending.map((row) => {
      chainSeq += 1;
      const content = { ...row, seq: Number(row.seq) };
      const hash = hashAuditRow(prevHash, chainSeq, content);
      const values = sql`(cast(${content.seq} as integer), cast(${chainSeq} as integer), ${prevHash}, ${hash})`;
      prevHash = hash;
      return values;
    });
    // One statement for the batch. `chain_seq is null`: a row is sealed once; were it ever sealed
    // meanwhile, the count differs and the whole batch rolls back (the unique chain_seq index
    // is the last line of defence).
    const updated = await sql`
      with sealed (seq, chain_seq, prev_hash, hash) as (values ${sql.join(sealed)})
      update audit_log set chain_seq = sealed.chain_seq, prev_hash = sealed.prev_hash,
        hash = sealed.hash
      from sealed where audit_log.seq = sealed.seq and audit_log.chain_seq is null
    `.execute(trx);
    if (Number(updated.numAffectedRows ?? 0) !== pending.length)
      throw new Error("audit rows were sealed by another sealer meanwhile; the batch rolled back");
    const head: SealHead = {
      batch: Number(last?.batch ?? 0) + 1,
      firstChainSeq,
      lastChainSeq: chainSeq,
      headHash: prevHash,
      sealedAt: clock.now().toISOString(),
      keyId: signer.keyId,
    };
    await trx
      .insertInto("audit_seals")
      .values({
        batch: head.batch,
        first_chain_seq: head.firstChainSeq,
        last_chain_seq: head.lastChainSeq,
        head_hash: head.headHash,
        sealed_at: head.sealedAt,
        key_id: head.keyId,
        signature: signer.sign(head),
      })
      .execute();
    return { sealed: pending.length, batch: head.batch, leader: true };
  });
}

async function tryLeadership(trx: Trx): Promise<boolean> {
  const { rows } = await sql<{ leader: boolean }>`
    select pg_try_advisory_xact_lock(${SEALER_LOCK}, hashtext(current_schema())) as leader
  `.execute(trx);
  return rows[0]?.leader === true;
}

/** Seals everything pending now, batch after batch (`cli audit seal`, tests, benchmarks). */
export async function sealAll(
  db: Db,
  keyring: Keyring,
  clock: Clock,
  options: { batch?: number } = {},
): Promise<{ sealed: number; batches: number }> {
  const limit = options.batch ?? DEFAULT_SEAL_BATCH;
  let sealed = 0;
  let batches = 0;
  for (;;) {
    const round = await sealPending(db, keyring, clock, { batch: limit });
    sealed += round.sealed;
    if (round.batch !== null) batches += 1;
    if (round.leader && round.sealed < limit) return { sealed, batches };
    // Another sealer leads: it is sealing; wait for it rather than spin.
    if (!round.leader) await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export interface UnsealedBacklog {
  rows: number;
  /** `at` of the oldest unsealed row, or null when every row is sealed. */
  oldestAt: string | null;
}

/** How many rows wait for the sealer, and since when (the unsealed-rows index answers it). */
export async function unsealedBacklog(db: Kysely<Database> | Trx): Promise<UnsealedBacklog> {
  const row = await db
    .selectFrom("audit_log")
    .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.min("at").as("oldest")])
    .where("chain_seq", "is", null)
    .executeTakeFirstOrThrow();
  return { rows: Number(row.n), oldestAt: row.oldest ?? null };
}
