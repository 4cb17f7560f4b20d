import { type Actor, auditContextFor } from "../access/actor.ts";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/database.ts";
import type { AppError } from "../errors.ts";
import { type AuditEntry, appendAuditNow } from "./audit-log.ts";

/**
 * A refused action is audited too (outcome "denied"), in its own transaction because the
 * action's transaction is about to roll back. Returns the error for the caller to throw.
 */
export async function denied(
  ctx: { db: Db; clock: Clock },
  actor: Actor,
  entry: Omit<AuditEntry, "outcome">,
  error: AppError,
): Promise<AppError> {
  await appendAuditNow(ctx.db.kysely, auditContextFor(actor, ctx.clock), [
    { ...entry, outcome: "denied", detail: { ...entry.detail, code: error.code } },
  ]);
  return error;
}
