import type { Actor } from "../../access/actor.ts";
import { canManageTaskForce } from "../../access/policy.ts";
import type { AppContext } from "../../context.ts";
import { asCaller } from "../../unit-of-work/as-caller.ts";

/**
 * The task-force directory (names and lead agencies): whoever convenes a team must be able to
 * pick the task force serving the case, whichever agency leads it. Rosters stay with managers.
 * Staff data, not victims': unaudited, like the agency directory.
 */
export function listTaskForces(ctx: AppContext, actor: Actor) {
  return asCaller(ctx, actor, { action: "task_force.list", auditRefusalOnly: true }, async (w) => {
    const rows = await w.repos.directory.taskForces();
    return rows.map((tf) => ({
      id: tf.id,
      name: tf.name,
      agencyId: tf.agency_id,
      mayManage: canManageTaskForce(actor, tf),
    }));
  });
}
