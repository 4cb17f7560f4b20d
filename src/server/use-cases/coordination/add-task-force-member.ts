import type { AddMemberInput } from "../../../contract/coordination/inputs.ts";
import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { badRequest } from "../../errors.ts";
import { onTaskForce } from "../../unit-of-work/on-task-force.ts";

/** Adds a member (a person in one agency and role) to the task force; twice changes nothing. */
export function addTaskForceMember(
  ctx: AppContext,
  actor: Actor,
  taskForceId: string,
  input: AddMemberInput,
): Promise<void> {
  const spec = { taskForceId, action: "task_force.add_member", ability: "manage" } as const;
  return onTaskForce(ctx, actor, spec, async (w) => {
    if (!(await w.repos.memberships.exists(input.membershipId)))
      throw badRequest("No such membership.", "membershipId");
    await w.repos.taskForces.addMember(taskForceId, input.membershipId);
    w.record({ detail: { membershipId: input.membershipId } });
  });
}
