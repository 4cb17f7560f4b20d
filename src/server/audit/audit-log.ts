import type { Insertable, Kysely, Transaction } from "kysely";
import type { Clock } from "../clock.ts";
import type { Transact } from "../db/group-commit.ts";
import type { AuditLogTable, Database } from "../db/schema.ts";

/**
 * The one audit path. Every read and write of person and case data, and every security event,
 * appends a row here inside the transaction of the change, so there is no change without its
 * audit row and no audit row for a change that rolled back.
 *
 * Appending is a plain INSERT: the database numbers the rows (`seq`: SQLite's rowid, a PostgreSQL
 * identity), and nothing else is read or locked, so concurrent requests never wait for each other
 * here. Tamper evidence comes after the commit: the sealer (audit-sealer.ts, one leader at a time)
 * hash-chains committed rows in seq order and signs each batch head; `verifyAuditChain`
 * (audit-verify.ts) checks sealed rows and reports unsealed ones with their age. Until a row is
 * sealed (the sealer's interval, a fraction of a second) someone with write access to the
 * database could remove it unnoticed; docs/security.md says what is protected when.
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

type Executor = Kysely<Database> | Transaction<Database>;

/** Appends entries in the caller's transaction. */
export async function appendAudit(
  trx: Executor,
  ctx: AuditContext,
  entries: AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const at = ctx.clock.now().toISOString();
  const rows: Insertable<AuditLogTable>[] = entries.map((e) => ({
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
  }));
  await trx.insertInto("audit_log").values(rows).execute();
}

/** For events that must be recorded even though the request fails (a refused login). */
export async function appendAuditNow(
  db: { transact: Transact },
  ctx: AuditContext,
  entries: AuditEntry[],
): Promise<void> {
  await db.transact((trx) => appendAudit(trx, ctx, entries));
}
