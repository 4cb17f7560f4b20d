import type { AddShiftInput } from "../../../contract/coordination/inputs.ts";
import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { badRequest } from "../../errors.ts";
import { onTaskForce } from "../../unit-of-work/on-task-force.ts";

/** Puts a member on call for a period; RAT offers go to those on call first. */
export function addOnCallShift(
  ctx: AppContext,
  actor: Actor,
  taskForceId: string,
  input: AddShiftInput,
): Promise<{ id: string }> {
  const spec = { taskForceId, action: "task_force.add_shift", ability: "manage" } as const;
  return onTaskForce(ctx, actor, spec, async (w) => {
    if (!(await w.repos.taskForces.hasMember(taskForceId, input.membershipId)))
      throw badRequest("This person is not a member of the task force.", "membershipId");
    const id = await w.repos.taskForces.addShift(taskForceId, input);
    w.record({ detail: { shiftId: id } });
    return { id };
  });
}
