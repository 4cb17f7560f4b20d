import type { Actor } from "../../access/actor.ts";
import { CASE_HOLDER_ROLES, mayListCaseWorkers } from "../../access/policy.ts";
import type { AppContext } from "../../context.ts";
import { forbidden } from "../../errors.ts";
import { onCase } from "../../unit-of-work/on-case.ts";

/**
 * The workers a case can be handed to at an agency (its holding agency unless another is
 * named, for a transfer), least loaded first: staff names only. For who assigns the case, and
 * for the owner of one of its open obligations, who may pass it on to one of them.
 */
export function listCaseWorkers(ctx: AppContext, actor: Actor, caseId: string, agencyId?: string) {
  const spec = { caseId, action: "case.list_workers", ability: "read" } as const;
  return onCase(ctx, actor, spec, async (w) => {
    const c = w.case.row;
    // Another agency's workers are only for a transfer, which only who assigns may make.
    const owns = agencyId === undefined && (await w.repos.obligations.callerOwnsOpenOn(caseId));
    if (
      !mayListCaseWorkers(actor, c, owns) ||
      (agencyId !== undefined && !w.case.abilities.assignCase)
    )
      throw w.refuse(forbidden("Your role cannot hand this case's work to someone else."));
    return w.repos.assignment.workersAt(agencyId ?? c.agency_id, CASE_HOLDER_ROLES);
  });
}
