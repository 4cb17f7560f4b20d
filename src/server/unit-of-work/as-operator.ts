import { type Actor, auditContextFor } from "../access/actor.ts";
import { appendAudit } from "../audit/audit-log.ts";
import type { AppContext } from "../context.ts";
import {
  type AccountRepositories,
  accountRepositoriesOn,
} from "../repositories/accounts/account-repositories.ts";
import { asCaller } from "./as-caller.ts";
import { type AuditNote, type UnitSpec, unitAudit } from "./unit-of-work.ts";

/** The records an operator's unit reaches: accounts, agencies and API tokens. */
export type OperatorRepositories = Pick<
  AccountRepositories,
  "agencies" | "apiTokens" | "memberships" | "users"
>;

/** What an operator's work is handed (a caller's `Work` is one too, so work can serve both). */
export interface OperatorWork {
  readonly now: Date;
  readonly nowIso: string;
  readonly repos: OperatorRepositories;
  /** Says what was done (record, fields, detail), for the unit's audit row. Later calls add. */
  record(note: AuditNote): void;
}

/**
 * A unit of work of the operator at the command line (`user create-admin`, `user unlock`,
 * `token create`): there is no Actor, so nothing is checked (whoever runs the command holds the
 * database and its key file), and the unit's audit row names no actor, which is how the trail
 * tells an operator's act from an administrator's. One transaction, the row appended in it.
 */
export function asOperator<T>(
  ctx: AppContext,
  spec: UnitSpec,
  work: (w: OperatorWork) => Promise<T>,
): Promise<T> {
  return ctx.db.transact(async (trx) => {
    const now = ctx.clock.now();
    const nowIso = now.toISOString();
    const rows = unitAudit(spec);
    const repos = accountRepositoriesOn(trx, ctx, now);
    const result = await work({ now, nowIso, repos, record: rows.record });
    await appendAudit(trx, auditContextFor(null, ctx.clock), rows.allowedRows());
    return result;
  });
}

/**
 * Work that an administrator (through the API) and the operator (at the command line) do
 * alike: the caller's unit when there is an Actor, the operator's when there is none.
 */
export function asCallerOrOperator<T>(
  ctx: AppContext,
  actor: Actor | null,
  spec: UnitSpec,
  work: (w: OperatorWork) => Promise<T>,
): Promise<T> {
  return actor ? asCaller(ctx, actor, spec, work) : asOperator(ctx, spec, work);
}
