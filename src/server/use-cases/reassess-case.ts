import { z } from "zod";
import { assess } from "../../domain/assessment/engine.ts";
import { factsSchema } from "../../domain/assessment/facts.ts";
import type { ActionId } from "../../domain/assessment/vocabulary.ts";
import { planObligations } from "../../domain/obligations.ts";
import { ROLE_POLICIES } from "../../domain/roles.ts";
import { type Actor, auditContextFor } from "../access/actor.ts";
import { caseInScope } from "../access/policy.ts";
import { appendAudit } from "../audit/audit-log.ts";
import { denied } from "../audit/record-denial.ts";
import type { AppContext } from "../context.ts";
import { conflict, notFound } from "../errors.ts";
import { appendCaseEvent } from "../repositories/cases.ts";
import { insertAssessment, insertObligations } from "../repositories/obligations.ts";
import { sealText } from "../repositories/sealed-text.ts";
import { SPECIALIZED_PLAN_HOURS } from "./take-intake.ts";

export const reassessInput = z.strictObject({
  /** The case version the user saw; a stale one answers 409 and changes nothing. */
  version: z.number().int().min(1),
  facts: factsSchema,
  reason: z.string().trim().min(3).max(500),
});

/**
 * Assesses a case again when facts change. Actions the new assessment requires and the case does
 * not have yet become obligations (their clocks still run from the tip); open obligations it no
 * longer requires are retired as not applicable, with the reason recorded. Done ones stay done.
 */
export async function reassessCase(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  raw: z.input<typeof reassessInput>,
): Promise<{ determination: string; version: number; added: string[]; retired: string[] }> {
  const input = reassessInput.parse(raw);
  const now = ctx.clock.now().toISOString();
  const entry = { action: "case.assess", recordType: "case", recordId: caseId };
  const c =
    ROLE_POLICIES[actor.role].caseScope === "none"
      ? undefined
      : await ctx.db.kysely
          .selectFrom("cases")
          .select(["id", "received_at", "version"])
          .where("id", "=", caseId)
          .where(caseInScope(actor, now))
          .executeTakeFirst();
  if (!c) throw await denied(ctx, actor, entry, notFound("case"));
  const assessment = assess(input.facts);
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("cases")
      .set({ determination: assessment.determination, version: input.version + 1, updated_at: now })
      .where("id", "=", caseId)
      .where("version", "=", input.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) {
      throw conflict(
        "The case changed since you opened it; reload to see the change, then assess again.",
      );
    }
    await insertAssessment(trx, {
      keyring: ctx.keyring,
      caseId,
      facts: input.facts,
      assessment,
      now,
      userId: actor.userId,
    });
    const existing = await trx
      .selectFrom("obligations")
      .select(["id", "action_id", "status", "version"])
      .where("case_id", "=", caseId)
      .where("status", "in", ["open", "done"])
      .execute();
    const required = new Set<string>(assessment.actions);
    const have = new Set(existing.map((o) => o.action_id));
    const added = assessment.actions.filter((a) => !have.has(a));
    const retire = existing.filter((o) => o.status === "open" && !required.has(o.action_id));
    for (const o of retire) {
      await trx
        .updateTable("obligations")
        .set({
          status: "not_applicable",
          reason: sealText(
            ctx.keyring,
            "obligations",
            "reason",
            o.id,
            `No longer required after re-assessment (${assessment.determination}): ${input.reason}`,
          ),
          closed_at: now,
          closed_by_user_id: actor.userId,
          version: Number(o.version) + 1,
        })
        .where("id", "=", o.id)
        .execute();
    }
    const plans = planObligations(added as ActionId[], {
      receivedAt: new Date(c.received_at),
      intakeAt: new Date(now),
      specializedPlanHours: SPECIALIZED_PLAN_HOURS,
    });
    await insertObligations(trx, {
      caseId,
      plans,
      receivedAt: c.received_at,
      now,
      reporterUserId: actor.userId,
    });
    const retired = retire.map((o) => o.action_id);
    await appendCaseEvent(trx, {
      caseId,
      kind: "case_reassessed",
      occurredAt: now,
      actorUserId: actor.userId,
      data: { determination: assessment.determination, added, retired },
    });
    await appendAudit(trx, auditContextFor(actor, ctx.clock), [
      {
        ...entry,
        outcome: "allowed",
        fields: ["determination"],
        detail: {
          determination: assessment.determination,
          added: added.length,
          retired: retired.length,
        },
      },
    ]);
    return { determination: assessment.determination, version: input.version + 1, added, retired };
  });
}
