import type { AppContext } from "../context.ts";
import {
  type AccountRepositories,
  accountRepositoriesOn,
} from "../repositories/accounts/account-repositories.ts";
import { type AuditActor, type AuditEntry, appendAudit } from "./audit-log.ts";

/** Who a security event is about: the account (as far as it is known) and where from. */
export interface SecurityEventParty {
  actor: AuditActor | null;
  clientIp: string | null;
}

/** What the work of a security event is handed. */
export interface SecurityEventWork {
  readonly now: Date;
  readonly nowIso: string;
  readonly repos: AccountRepositories;
  /** Rows to append for this event, with their own outcomes (a failure is a row, not a throw). */
  record(...entries: AuditEntry[]): void;
}

/**
 * The one way audit rows are appended outside a unit of work: the security events of signing
 * in, the second step, signing out and using an API token. They are not case work: there may be
 * no caller yet (a sign-in), and a failure must be recorded although the request then fails (a
 * wrong password counts toward the lockout), so each event records its rows with the outcome it
 * had. One transaction: the event's work and its rows commit together. Every caller is a named
 * exception to "the unit of work appends the audit row"; docs/security.md lists them.
 */
export function recordSecurityEvent<T>(
  ctx: AppContext,
  party: SecurityEventParty,
  work: (e: SecurityEventWork) => Promise<T>,
): Promise<T> {
  return ctx.db.transact(async (trx) => {
    const now = ctx.clock.now();
    const nowIso = now.toISOString();
    const rows: AuditEntry[] = [];
    const result = await work({
      now,
      nowIso,
      repos: accountRepositoriesOn(trx, ctx, now),
      record: (...entries) => {
        rows.push(...entries);
      },
    });
    await appendAudit(trx, { ...party, clock: ctx.clock }, rows);
    return result;
  });
}
