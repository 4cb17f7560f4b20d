import type { TakeObligationInput } from "../../../contract/assignment/inputs.ts";
import type { Actor } from "../../access/actor.ts";
import { mayTakeObligation } from "../../access/policy.ts";
import type { AppContext } from "../../context.ts";
import { conflict, notFound } from "../../errors.ts";
import { asCaller } from "../../unit-of-work/as-caller.ts";

/** Takes an unclaimed obligation from my role's queue: from now on it is mine, by name. */
export function takeObligation(
  ctx: AppContext,
  actor: Actor,
  obligationId: string,
  input: TakeObligationInput,
) {
  const spec = { action: "obligation.take", recordType: "obligation", recordId: obligationId };
  return asCaller(ctx, actor, spec, async (w) => {
    const o = await w.repos.obligations.findInScope(obligationId);
    if (o?.status !== "open" || !mayTakeObligation(actor, o, o))
      throw w.refuse(notFound("obligation"));
    if (!(await w.repos.assignment.setOwner({ id: o.id, version: input.version }, actor.userId)))
      throw conflict("Someone took or changed this obligation since you opened it; reload.");
    await w.repos.assignment.event(o.case_id, "obligation_taken", {
      obligationId,
      toUserId: actor.userId,
    });
    w.record({ fields: ["owner_user_id"] });
    return { ownerUserId: actor.userId, version: input.version + 1 };
  });
}
