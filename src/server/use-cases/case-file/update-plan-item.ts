import type { UpdatePlanItemInput } from "../../../contract/case-file/inputs.ts";
import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { badRequest, conflict } from "../../errors.ts";

import { onPlan } from "./plan-units.ts";

/** Moves a service along (planned → in progress → completed); a stale version answers 409. */
export function updatePlanItem(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  itemId: string,
  input: UpdatePlanItemInput,
): Promise<{ version: number }> {
  return onPlan(ctx, actor, planId, "plan.update_item", async (w, plan) => {
    const outcome = await w.repos.plans.updateItem(planId, itemId, input);
    // An item the actor may not read is answered as one that does not exist.
    if (outcome === "missing") throw badRequest("No such item on this plan.", "itemId");
    if (outcome === "ends_before_start")
      throw badRequest("The end date must be on or after the start date.", "endsOn");
    if (outcome === "stale")
      throw conflict(
        "Someone changed this service since you opened it; reload to see their change.",
      );
    await w.repos.events.append({
      caseId: plan.caseId,
      kind: "plan_item_updated",
      data: { planId, itemId, status: input.status },
      record: { type: "plan_item", id: itemId },
    });
    w.record({ recordType: "plan_item", recordId: itemId, fields: ["status"] });
    return { version: input.version + 1 };
  });
}
