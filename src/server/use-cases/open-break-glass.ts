import { z } from "zod";
import { ROLE_POLICIES } from "../../domain/roles.ts";
import { type Actor, auditContextFor } from "../access/actor.ts";
import { appendAudit } from "../audit/audit-log.ts";
import { denied } from "../audit/record-denial.ts";
import type { AppContext } from "../context.ts";
import { AppError, notFound } from "../errors.ts";
import { newId } from "../ids.ts";
import { sealText } from "../repositories/sealed-text.ts";

export const breakGlassInput = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(20, "must explain the emergency in at least 20 characters")
    .max(1000),
});

/** How long emergency access lasts before it must be requested again. */
export const BREAK_GLASS_MS = 4 * 3_600_000;

/**
 * Emergency access to a case outside the caller's scope: only for roles the policy allows, with
 * a typed reason, for four hours, audited, and announced to the agency that holds the case.
 */
export async function openBreakGlass(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  raw: z.input<typeof breakGlassInput>,
): Promise<{ expiresAt: string }> {
  const input = breakGlassInput.parse(raw);
  const entry = { action: "case.break_glass", recordType: "case", recordId: caseId };
  if (!ROLE_POLICIES[actor.role].breakGlass) {
    throw await denied(
      ctx,
      actor,
      entry,
      new AppError("forbidden", "Your role cannot request emergency access."),
    );
  }
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + BREAK_GLASS_MS).toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const c = await trx
      .selectFrom("cases")
      .select(["id", "agency_id"])
      .where("id", "=", caseId)
      .executeTakeFirst();
    if (!c) throw notFound("case");
    const id = newId();
    await trx
      .insertInto("break_glass")
      .values({
        id,
        user_id: actor.userId,
        case_id: caseId,
        reason: sealText(ctx.keyring, "break_glass", "reason", id, input.reason),
        opened_at: now.toISOString(),
        expires_at: expiresAt,
      })
      .execute();
    await trx
      .insertInto("notifications")
      .values({
        id: newId(),
        agency_id: c.agency_id,
        user_id: null,
        kind: "break_glass_opened",
        data: JSON.stringify({
          caseId,
          byUserId: actor.userId,
          byAgencyId: actor.agencyId,
          expiresAt,
        }),
        created_at: now.toISOString(),
        read_at: null,
      })
      .execute();
    // The reason is free text and may name people: it stays in break_glass, not in the audit row.
    await appendAudit(trx, auditContextFor(actor, ctx.clock), [
      {
        action: "case.break_glass",
        recordType: "case",
        recordId: caseId,
        outcome: "allowed",
        detail: { breakGlassId: id, expiresAt },
      },
    ]);
  });
  return { expiresAt };
}
