import type { PlanItemInput } from "../../../contract/case-file/inputs.ts";
import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { badRequest } from "../../errors.ts";
import type { Repositories } from "../../repositories/bound.ts";
import { onCaseOf } from "../../unit-of-work/on-case.ts";
import type { Work } from "../../unit-of-work/unit-of-work.ts";

/** A provider named on an item must be an agency Waypoint knows. */
export async function checkProvider(repos: Repositories, item: PlanItemInput, field: string) {
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
export function onPlan<T>(
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
