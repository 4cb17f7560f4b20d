import type { AssignCaseInput } from "../../../contract/assignment/inputs.ts";
import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { badRequest } from "../../errors.ts";
import { onCase } from "../../unit-of-work/on-case.ts";

/**
 * Hands a case to another worker of the agency that holds it: the obligations the previous
 * worker owned on it go with it, the change is on the timeline, and the new worker is told.
 */
export function assignCase(ctx: AppContext, actor: Actor, caseId: string, input: AssignCaseInput) {
  const spec = { caseId, action: "case.assign", ability: "assignCase" } as const;
  return onCase(ctx, actor, spec, async (w) => {
    const { row } = w.case;
    const to = await w.repos.assignment.holderAt(row.agency_id, input.userId);
    if (!to) throw badRequest("Choose a worker of the agency that holds this case.", "userId");
    await w.repos.assignment.assign(caseId, row.agency_id, to.id);
    if (row.assigned_user_id && row.assigned_user_id !== to.id)
      await w.repos.assignment.handOver(caseId, row.assigned_user_id, to.id);
    await w.repos.assignment.event(caseId, "case_assigned", {
      fromUserId: row.assigned_user_id,
      toUserId: to.id,
      agencyId: row.agency_id,
    });
    if (to.id !== actor.userId)
      await w.repos.notifications.toUser(to.id, "case.assigned", {
        caseId,
        caseNumber: row.case_number,
      });
    w.record({ fields: ["assigned_user_id"] });
    return { agencyId: row.agency_id, assignedUserId: to.id };
  });
}
