import { z } from "zod";
import type { Actor } from "../access/actor.ts";
import { auditContextFor } from "../access/actor.ts";
import { caseInScope, mayCloseObligation } from "../access/policy.ts";
import { appendAudit } from "../audit/audit-log.ts";
import { denied } from "../audit/record-denial.ts";
import type { AppContext } from "../context.ts";
import { AppError, conflict, notFound } from "../errors.ts";
import { appendCaseEvent } from "../repositories/cases.ts";
import { sealJson, sealOptional } from "../repositories/sealed-text.ts";

export const closeObligationInput = z
  .strictObject({
    /** The version the user saw; a stale one answers 409 and changes nothing. */
    version: z.number().int().min(1),
    status: z.enum(["done", "not_applicable"]),
    reason: z.string().trim().min(3).max(1000).optional(),
    evidence: z
      .strictObject({
        reference: z.string().trim().min(1).max(200).optional(),
        spokeWith: z.string().trim().min(1).max(200).optional(),
        at: z.iso.datetime({ offset: true }).optional(),
      })
      .optional(),
  })
  .refine((v) => v.status !== "not_applicable" || v.reason !== undefined, {
    message: "a reason is required when an obligation does not apply",
    path: ["reason"],
  });

/**
 * Records that an obligation was met (with evidence: who, when, the report's reference number,
 * whom they spoke to) or does not apply (with a reason). Owners, their role on cases in scope,
 * and the state coordinator may close it.
 */
export async function closeObligation(
  ctx: AppContext,
  actor: Actor,
  obligationId: string,
  raw: z.input<typeof closeObligationInput>,
): Promise<{ version: number }> {
  const input = closeObligationInput.parse(raw);
  const now = ctx.clock.now().toISOString();
  const entry = { action: "obligation.close", recordType: "obligation", recordId: obligationId };
  const o = await ctx.db.kysely
    .selectFrom("obligations")
    .innerJoin("cases", "cases.id", "obligations.case_id")
    .select([
      "obligations.id",
      "obligations.case_id",
      "obligations.owner_user_id",
      "obligations.owner_role",
      "obligations.status",
      "obligations.version",
    ])
    .where("obligations.id", "=", obligationId)
    .where(caseInScope(actor, now))
    .executeTakeFirst();
  const allowed = o !== undefined && mayCloseObligation(actor, o);
  if (!o || !allowed) throw await denied(ctx, actor, entry, notFound("obligation"));
  if (o.status !== "open")
    throw new AppError("already_closed", "This obligation is already closed.");
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("obligations")
      .set({
        status: input.status,
        closed_at: now,
        closed_by_user_id: actor.userId,
        reason: sealOptional(ctx.keyring, "obligations", "reason", obligationId, input.reason),
        evidence: input.evidence
          ? sealJson(ctx.keyring, "obligations", "evidence", obligationId, {
              ...input.evidence,
              recordedBy: actor.userId,
            })
          : null,
        version: input.version + 1,
      })
      .where("id", "=", obligationId)
      .where("version", "=", input.version)
      .where("status", "=", "open")
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) {
      throw conflict(
        "Someone changed this obligation since you opened it; reload to see their change.",
      );
    }
    await appendCaseEvent(trx, {
      caseId: o.case_id,
      kind: "obligation_closed",
      occurredAt: now,
      actorUserId: actor.userId,
      data: { obligationId, status: input.status },
    });
    await appendAudit(trx, auditContextFor(actor, ctx.clock), [
      {
        ...entry,
        outcome: "allowed",
        fields: [
          "status",
          ...(input.evidence ? ["evidence"] : []),
          ...(input.reason ? ["reason"] : []),
        ],
      },
    ]);
    return { version: input.version + 1 };
  });
}
