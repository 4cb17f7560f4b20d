import type { ReassignObligationInput } from "../../../contract/assignment/inputs.ts";
import type { Actor } from "../../access/actor.ts";
import { mayReassignObligation } from "../../access/policy.ts";
import type { AppContext } from "../../context.ts";
import { badRequest, conflict, notFound } from "../../errors.ts";
import { asCaller } from "../../unit-of-work/as-caller.ts";

/**
 * Hands an obligation to a named worker of the agency that holds the case (its owner passes it
 * on, or whoever assigns the case does); recorded on the timeline, and the new owner is told.
 */
export function reassignObligation(
  ctx: AppContext,
  actor: Actor,
  obligationId: string,
  input: ReassignObligationInput,
) {
  const spec = { action: "obligation.reassign", recordType: "obligation", recordId: obligationId };
  return asCaller(ctx, actor, spec, async (w) => {
    const o = await w.repos.obligations.findInScope(obligationId);
    if (o?.status !== "open" || !mayReassignObligation(actor, o, o))
      throw w.refuse(notFound("obligation"));
    const to = await w.repos.assignment.holderAt(o.agency_id, input.userId);
    if (!to) throw badRequest("Choose a worker of the agency that holds this case.", "userId");
    if (!(await w.repos.assignment.setOwner({ id: o.id, version: input.version }, to.id)))
      throw conflict("Someone changed this obligation since you opened it; reload.");
    await w.repos.assignment.event(o.case_id, "obligation_reassigned", {
      obligationId,
      fromUserId: o.owner_user_id,
      toUserId: to.id,
    });
    if (to.id !== actor.userId)
      await w.repos.notifications.toUser(to.id, "obligation.assigned", {
        caseId: o.case_id,
        caseNumber: o.case_number,
        obligationId,
      });
    w.record({ fields: ["owner_user_id"] });
    return { ownerUserId: to.id, version: input.version + 1 };
  });
}
