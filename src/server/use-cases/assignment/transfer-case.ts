import type { TransferCaseInput } from "../../../contract/assignment/inputs.ts";
import type { Actor } from "../../access/actor.ts";
import { CASE_HOLDER_ROLES } from "../../access/policy.ts";
import type { AppContext } from "../../context.ts";
import { badRequest } from "../../errors.ts";
import { onCase } from "../../unit-of-work/on-case.ts";

/**
 * Hands a case to another agency and a worker there (named, or its least-loaded one): the
 * previous worker's obligations on the case go to the new worker, the transfer is on the
 * timeline, and the new worker and their agency are told. The people stay held by the agency
 * that holds their records; the new agency sees them as the disclosure rules allow.
 */
export function transferCase(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: TransferCaseInput,
) {
  const spec = { caseId, action: "case.transfer", ability: "assignCase" } as const;
  return onCase(ctx, actor, spec, async (w) => {
    const { row } = w.case;
    const to = input.userId
      ? await w.repos.assignment.holderAt(input.agencyId, input.userId)
      : await w.repos.assignment
          .leastLoaded(input.agencyId, CASE_HOLDER_ROLES)
          .then((x) => (x ? { id: x.userId } : undefined));
    if (!to)
      throw badRequest(
        input.userId
          ? "Choose a worker of the agency you are transferring to."
          : "Nobody at that agency can take cases yet; choose another agency.",
        input.userId ? "userId" : "agencyId",
      );
    await w.repos.assignment.assign(caseId, input.agencyId, to.id);
    if (row.assigned_user_id && row.assigned_user_id !== to.id)
      await w.repos.assignment.handOver(caseId, row.assigned_user_id, to.id);
    await w.repos.assignment.event(caseId, "case_transferred", {
      fromAgencyId: row.agency_id,
      toAgencyId: input.agencyId,
      fromUserId: row.assigned_user_id,
      toUserId: to.id,
    });
    const data = { caseId, caseNumber: row.case_number };
    await w.repos.notifications.toUser(to.id, "case.transferred", data);
    w.record({ fields: ["agency_id", "assigned_user_id"] });
    return { agencyId: input.agencyId, assignedUserId: to.id };
  });
}
