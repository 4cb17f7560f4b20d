import type { Actor } from "../../access/actor.ts";
import { CASE_HOLDER_ROLES } from "../../access/policy.ts";
import type { AppContext } from "../../context.ts";
import { onCase } from "../../unit-of-work/on-case.ts";

/**
 * The workers a case can be handed to at an agency (its holding agency unless another is
 * named, for a transfer), least loaded first: staff names only, for who assigns the case.
 */
export function listCaseWorkers(ctx: AppContext, actor: Actor, caseId: string, agencyId?: string) {
  const spec = { caseId, action: "case.list_workers", ability: "assignCase" } as const;
  return onCase(ctx, actor, spec, async (w) =>
    w.repos.assignment.workersAt(agencyId ?? w.case.row.agency_id, CASE_HOLDER_ROLES),
  );
}
