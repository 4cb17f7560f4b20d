import type { CloseObligationInput } from "../../../contract/obligations/inputs.ts";
import { missingReportEvidence, type ReportEvidenceField } from "../../../domain/closing.ts";
import { receivedAtProblem } from "../../../domain/obligations.ts";
import type { Actor } from "../../access/actor.ts";
import { mayCloseObligation } from "../../access/policy.ts";
import type { AppContext } from "../../context.ts";
import { AppError, badRequest, conflict, notFound } from "../../errors.ts";
import { asCaller } from "../../unit-of-work/as-caller.ts";

/** What a person is told when a report's evidence is missing, field by field. */
const MISSING: Record<ReportEvidenceField, string> = {
  reference: "Give the reference number the agency gave for this report.",
  spokeWith: "Say whom you reported to: the person or office you reached.",
  at: "Say when the report was made.",
};

/**
 * Records that an obligation was met (with evidence: who, when, the report's reference number,
 * whom they spoke to) or does not apply (with a reason). A report the law requires counts as
 * made only with its reference, whom and when (domain/closing.ts). Owners, their role on cases in
 * scope, and the state coordinator may close it; to anyone else it answers like a missing one.
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
    if (o.case_status === "closed") throw w.refuse(new AppError("case_closed"));
    if (o.status !== "open")
      throw new AppError("already_closed", "This obligation is already closed.");
    const missing = missingReportEvidence(o.action_id, input.status, input.evidence)[0];
    if (missing) throw badRequest(MISSING[missing], `evidence.${missing}`);
    const at = input.evidence?.at;
    if (at && receivedAtProblem(new Date(at), w.now))
      throw badRequest("The time of the report cannot be in the future.", "evidence.at");
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
