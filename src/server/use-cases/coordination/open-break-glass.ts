import type { BreakGlassInput } from "../../../contract/coordination/inputs.ts";
import type { Actor } from "../../access/actor.ts";
import { mayBreakGlass } from "../../access/policy.ts";
import type { AppContext } from "../../context.ts";
import { forbidden, notFound } from "../../errors.ts";
import { asCaller } from "../../unit-of-work/as-caller.ts";

/** How long emergency access lasts before it must be requested again. */
export const BREAK_GLASS_MS = 4 * 3_600_000;

/**
 * Emergency access to a case outside the caller's scope: only for roles the policy allows, with
 * a typed reason, for four hours, audited, and announced to the agency that holds the case.
 */
export function openBreakGlass(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: BreakGlassInput,
): Promise<{ expiresAt: string }> {
  const spec = { action: "case.break_glass", recordType: "case", recordId: caseId };
  return asCaller(ctx, actor, spec, async (w) => {
    if (!mayBreakGlass(actor))
      throw w.refuse(forbidden("Your role cannot request emergency access."));
    const holder = await w.repos.breakGlass.holderOf(caseId);
    if (holder === undefined) throw notFound("case");
    const expiresAt = new Date(w.now.getTime() + BREAK_GLASS_MS).toISOString();
    const id = await w.repos.breakGlass.open(caseId, { reason: input.reason, expiresAt });
    await w.repos.breakGlassNotices.tellHolder(holder, caseId, expiresAt);
    // The reason is free text and may name people: it stays in break_glass, not in the audit row.
    w.record({ detail: { breakGlassId: id, expiresAt } });
    return { expiresAt };
  });
}
