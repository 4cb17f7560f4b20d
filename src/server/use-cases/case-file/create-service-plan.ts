import type { CreatePlanInput } from "../../../contract/case-file/inputs.ts";
import { SPECIALIZED_PLAN_CITATION } from "../../../domain/coordination/service-plan.ts";
import { isMinorAge } from "../../../domain/minor.ts";
import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { AppError, badRequest } from "../../errors.ts";
import { onCase } from "../../unit-of-work/on-case.ts";

import { checkProvider } from "./plan-units.ts";

/**
 * Starts a victim's service plan, or CPS's specialized plan for a minor victim (HB 571), which
 * meets the case's `cps_specialized_plan` obligation when it is made.
 */
export function createServicePlan(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: CreatePlanInput,
): Promise<{ id: string; itemIds: string[] }> {
  const specialized = input.kind === "cps_specialized_plan";
  const ability = specialized ? "writeSpecializedPlan" : "editPlan";
  return onCase(ctx, actor, { caseId, action: "plan.create", ability }, async (w) => {
    const person = await w.repos.people.onCase(caseId, input.personId, "personId");
    if (person.part !== "victim") throw badRequest("Plans are made for victims.", "personId");
    if (specialized && !isMinorAge(person.age_years))
      throw new AppError(
        "not_a_minor",
        `The specialized plan of ${SPECIALIZED_PLAN_CITATION} is for a minor victim.`,
        "kind",
      );
    for (const [i, item] of input.items.entries())
      await checkProvider(w.repos, item, `items.${i}.providerAgencyId`);
    const id = await w.repos.plans.create({ caseId, personId: input.personId, kind: input.kind });
    const itemIds: string[] = [];
    for (const item of input.items) itemIds.push(await w.repos.plans.addItem(id, item));
    if (specialized) await w.repos.plans.meetSpecializedPlanObligation(caseId, id);
    await w.repos.events.append({
      caseId,
      kind: "plan_created",
      data: { planId: id, kind: input.kind, items: itemIds.length },
      record: { type: "plan", id },
    });
    w.record({
      recordType: "service_plan",
      recordId: id,
      fields: itemIds.length > 0 ? ["need", "goal"] : [],
      detail: { caseId, kind: input.kind },
    });
    return { id, itemIds };
  });
}
