import type { CreateTaskForceInput } from "../../../contract/coordination/inputs.ts";
import type { Actor } from "../../access/actor.ts";
import { canManageTaskForce } from "../../access/policy.ts";
import type { AppContext } from "../../context.ts";
import { forbidden, notFound } from "../../errors.ts";
import { asCaller } from "../../unit-of-work/as-caller.ts";
import { TASK_FORCE_REFUSAL } from "../../unit-of-work/on-task-force.ts";

/**
 * Sets up a task force for the caller's agency, or (for the state coordinator) another's: the
 * caller must be one who would run it.
 */
export function createTaskForce(
  ctx: AppContext,
  actor: Actor,
  input: CreateTaskForceInput,
): Promise<{ id: string }> {
  const spec = { action: "task_force.create", recordType: "task_force" };
  return asCaller(ctx, actor, spec, async (w) => {
    const agencyId = input.agencyId ?? actor.agencyId;
    if (!canManageTaskForce(actor, { agency_id: agencyId }))
      throw w.refuse(forbidden(TASK_FORCE_REFUSAL));
    if (input.agencyId !== undefined && !(await w.repos.agencies.exists(input.agencyId)))
      throw notFound("agency", "agencyId");
    const id = await w.repos.taskForces.create({ name: input.name, agencyId });
    w.record({ recordId: id });
    return { id };
  });
}
