import { z } from "zod";
import { CASE_OUTCOMES, CASE_STATUSES } from "../../domain/coordination/case-status.ts";
import { type Actor, auditContextFor } from "../access/actor.ts";
import { appendAudit } from "../audit/audit-log.ts";
import type { AppContext } from "../context.ts";
import { conflict } from "../errors.ts";
import { caseForAction } from "../repositories/case-access.ts";
import { appendCaseEvent } from "../repositories/cases.ts";

export const changeStatusInput = z
  .strictObject({
    /** The case version the user saw; a stale one answers 409 and changes nothing. */
    version: z.number().int().min(1),
    status: z.enum(CASE_STATUSES),
    outcome: z.enum(CASE_OUTCOMES).optional(),
  })
  .refine((v) => v.status !== "closed" || v.outcome !== undefined, {
    message: "an outcome is required to close a case",
    path: ["outcome"],
  })
  .refine((v) => v.status === "closed" || v.outcome === undefined, {
    message: "only a closed case has an outcome",
    path: ["outcome"],
  });

/**
 * Closes a case or reopens it. Closing records the outcome (the statistics of
 * § 97-3-54.9 count them); reopening clears it. Open obligations stay open: closing a case does
 * not make an unmet legal duty disappear, it stays on the overdue list.
 */
export async function changeCaseStatus(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  raw: z.input<typeof changeStatusInput>,
): Promise<{ version: number; status: string }> {
  const input = changeStatusInput.parse(raw);
  await caseForAction(ctx, ctx.db.kysely, actor, caseId, "case.change_status", "changeStatus");
  const nowIso = ctx.clock.now().toISOString();
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("cases")
      .set({
        status: input.status,
        outcome: input.outcome ?? null,
        closed_at: input.status === "closed" ? nowIso : null,
        updated_at: nowIso,
        version: input.version + 1,
      })
      .where("id", "=", caseId)
      .where("version", "=", input.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0)
      throw conflict("Someone changed this case since you opened it; reload to see their change.");
    await appendCaseEvent(trx, {
      caseId,
      kind: input.status === "closed" ? "case_closed" : "case_reopened",
      occurredAt: nowIso,
      actorUserId: actor.userId,
      data: { outcome: input.outcome ?? null },
    });
    await appendAudit(trx, auditContextFor(actor, ctx.clock), [
      {
        action: "case.change_status",
        recordType: "case",
        recordId: caseId,
        fields: ["status", ...(input.outcome ? ["outcome"] : [])],
        outcome: "allowed",
        detail: { status: input.status, ...(input.outcome ? { caseOutcome: input.outcome } : {}) },
      },
    ]);
    return { version: input.version + 1, status: input.status };
  });
}
