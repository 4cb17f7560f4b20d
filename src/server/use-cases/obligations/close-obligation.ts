import type { CloseObligationInput } from "../../../contract/obligations/inputs.ts";
import type { Actor } from "../../access/actor.ts";
import { mayCloseObligation } from "../../access/policy.ts";
import type { AppContext } from "../../context.ts";
import { AppError, conflict, notFound } from "../../errors.ts";
import { asCaller } from "../../unit-of-work/as-caller.ts";

/**
 * Records that an obligation was met (with evidence: who, when, the report's reference number,
 * whom they spoke to) or does not apply (with a reason). Owners, their role on cases in scope,
 * and the state coordinator may close it; to anyone else it answers like a missing one.
 */
export function closeObligation(
  ctx: AppContext,
  actor: Actor,
  obligationId: string,
  input: CloseObligationInput,
): Promise<{ version: number }> {
  const spec = { action: "obligation.close", recordType: "obligation", recordId: obligationId };
  return asCaller(ctx, actor, spec, async (w) => {
    const o = await w.repos.obligations.findInScope(obligationId);
    if (!o || !mayCloseObligation(actor, o)) throw w.refuse(notFound("obligation"));
    if (o.status !== "open")
      throw new AppError("already_closed", "This obligation is already closed.");
    if (!(await w.repos.obligations.close(obligationId, input)))
      throw conflict(
        "Someone changed this obligation since you opened it; reload to see their change.",
      );
    await w.repos.events.append({
      caseId: o.case_id,
      kind: "obligation_closed",
      data: { obligationId, status: input.status },
    });
    w.record({
      fields: [
        "status",
        ...(input.evidence ? ["evidence"] : []),
        ...(input.reason ? ["reason"] : []),
      ],
    });
    return { version: input.version + 1 };
  });
}
