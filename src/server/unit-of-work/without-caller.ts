import type { Transaction } from "kysely";
import { auditContextFor } from "../access/actor.ts";
import { appendAudit } from "../audit/audit-log.ts";
import type { AppContext } from "../context.ts";
import type { Database } from "../db/schema.ts";
import type { SystemScope } from "../repositories/scope.ts";
import {
  repositoriesWithoutCaller,
  type SystemRepositories,
} from "../repositories/without-caller.ts";
import { type UnitBasics, type UnitSpec, unitAudit } from "./unit-of-work.ts";

/** What work no signed-in person asked for is handed: repositories that need no caller. */
export interface SystemWork extends UnitBasics {
  /** Nobody acts: the repositories attribute what they write to no user. */
  readonly actor: null;
  readonly repos: SystemRepositories;
  /**
   * Says the work found nothing to do (a reminder for an obligation closed meanwhile), so the
   * unit appends no audit row. Only for work that wrote nothing: a change always has its row.
   */
  nothingDone(): void;
}

/**
 * A unit of work no signed-in person asked for: a tip from the public help page, a deadline job.
 * One transaction, like a caller's unit, with the same audit rows, attributed to no actor. There
 * is no check: such work reaches no case by anyone's scope (its repositories read only what it
 * was given or scheduled for), and nobody is refused (the public tip is limited by rate, not by
 * role). An error rolls everything back, unaudited.
 */
export function withoutCaller<T>(
  ctx: AppContext,
  spec: UnitSpec,
  work: (w: SystemWork) => Promise<T>,
): Promise<T> {
  return ctx.db.transact((trx) => withoutCallerIn(trx, ctx, spec, work));
}

/**
 * The same unit inside a transaction a loader owns: the demo seed opens hundreds of cases in one
 * transaction, each its own unit with its own audit rows, and commits them together.
 */
export async function withoutCallerIn<T>(
  trx: Transaction<Database>,
  ctx: Pick<AppContext, "keyring" | "clock">,
  spec: UnitSpec,
  work: (w: SystemWork) => Promise<T>,
): Promise<T> {
  const rows = unitAudit(spec);
  const now = ctx.clock.now();
  const scope: SystemScope = {
    trx,
    actor: null,
    keyring: ctx.keyring,
    clock: ctx.clock,
    now,
    nowIso: now.toISOString(),
  };
  let idle = false;
  const result = await work({
    actor: null,
    now,
    nowIso: scope.nowIso,
    repos: repositoriesWithoutCaller(scope),
    record: rows.record,
    alsoRecord: rows.alsoRecord,
    nothingDone() {
      idle = true;
    },
  });
  if (!idle) await appendAudit(trx, auditContextFor(null, ctx.clock), rows.allowedRows());
  return result;
}
