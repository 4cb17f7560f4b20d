import type { PlanItemInput } from "../../../contract/case-file/inputs.ts";
import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";

import { checkProvider, onPlan } from "./plan-units.ts";

/** Adds a need, its goal and the service that meets it to a plan the caller may write. */
export function addPlanItem(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  item: PlanItemInput,
): Promise<{ id: string }> {
  return onPlan(ctx, actor, planId, "plan.add_item", async (w, plan) => {
    await checkProvider(w.repos, item, "providerAgencyId");
    const id = await w.repos.plans.addItem(planId, item);
    await w.repos.events.append({
      caseId: plan.caseId,
      kind: "plan_item_added",
      data: { planId, itemId: id, domain: item.domain },
      record: { type: "plan_item", id },
    });
    w.record({
      recordType: "plan_item",
      recordId: id,
      fields: ["need", ...(item.goal ? ["goal"] : [])],
      detail: { planId },
    });
    return { id };
  });
}
