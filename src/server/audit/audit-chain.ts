import { createHash } from "node:crypto";
import type { AuditRow } from "../db/schema.ts";

/**
 * The hash chain of the audit log and the batch heads that are signed over it: pure functions,
 * shared by the sealer that writes the chain and the verifier that checks it.
 */
export const GENESIS_HASH = "0".repeat(64);

/** What a row's hash covers besides the previous hash and its chain position. */
export type ChainedContent = Omit<AuditRow, "hash" | "prev_hash" | "chain_seq">;

/** The columns of `ChainedContent`, for the sealer's and the verifier's selects. */
export const CHAINED_COLUMNS = [
  "seq",
  "at",
  "actor_user_id",
  "actor_agency_id",
  "actor_role",
  "action",
  "record_type",
  "record_id",
  "fields",
  "client_ip",
  "outcome",
  "detail",
] as const satisfies readonly (keyof ChainedContent)[];

/**
 * sha256(previous hash, "\n", canonical JSON of the row). The row's place is its chain position
 * and its append seq, so a sealed row can be neither moved in the chain nor given another seq.
 * When the two are equal the place is written as one number: that is the form rows chained
 * before 2026120201 (appended and chained in one step, chain position = seq) were hashed with,
 * so their hashes stay valid unchanged. A number and a pair cannot be confused in JSON.
 */
export function hashAuditRow(prevHash: string, chainSeq: number, row: ChainedContent): string {
  const place = chainSeq === row.seq ? row.seq : [chainSeq, row.seq];
  const canonical = JSON.stringify([
    place,
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

/** One sealed batch: rows first…last of the chain, the hash of the last, signed. */
export interface SealHead {
  batch: number;
  firstChainSeq: number;
  lastChainSeq: number;
  headHash: string;
  sealedAt: string;
  keyId: string;
}

/** The exact bytes a batch head's signature covers. */
export function sealHeadMessage(head: SealHead): string {
  return JSON.stringify([
    "waypoint audit seal v1",
    head.batch,
    head.firstChainSeq,
    head.lastChainSeq,
    head.headHash,
    head.sealedAt,
    head.keyId,
  ]);
}
