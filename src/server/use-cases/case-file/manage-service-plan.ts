import type {
  CreatePlanInput,
  PlanItemInput,
  UpdatePlanItemInput,
} from "../../../contract/case-file/inputs.ts";
import { SPECIALIZED_PLAN_CITATION } from "../../../domain/coordination/service-plan.ts";
import { isMinorAge } from "../../../domain/minor.ts";
import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { AppError, badRequest, conflict } from "../../errors.ts";
import type { Repositories } from "../../repositories/bound.ts";
import { onCase, onCaseOf } from "../../unit-of-work/on-case.ts";
import type { Work } from "../../unit-of-work/unit-of-work.ts";

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

/** A provider named on an item must be an agency Waypoint knows. */
async function checkProvider(repos: Repositories, item: PlanItemInput, field: string) {
  if (item.providerAgencyId === undefined) return;
  if (!(await repos.agencies.exists(item.providerAgencyId)))
    throw badRequest("No such provider agency.", field);
}

/**
 * A unit of work on a plan the caller names by its id: the plan must be one the caller may read
 * and write, on a case within their scope where they have the `editPlan` ability; a plan out of
 * reach answers 404 "service plan" whichever check it fails (`onCaseOf`). The plan id is never
 * looked up as a case id: a case's id would pass the scope check and reach the plan_items
 * foreign key.
 */
function onPlan<T>(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  action: string,
  work: (w: Work, plan: { id: string; caseId: string; kind: string }) => Promise<T>,
): Promise<T> {
  const spec = {
    action,
    recordType: "service_plan",
    recordId: planId,
    asked: "service plan",
    ability: "editPlan",
    find: (repos: Repositories) => repos.plans.findWritable(planId),
  } as const;
  return onCaseOf(ctx, actor, spec, work);
}
