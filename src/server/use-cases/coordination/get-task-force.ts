import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { onTaskForce } from "../../unit-of-work/on-task-force.ts";

/** The task force with its members, their certifications and who is on call now. */
export function getTaskForce(ctx: AppContext, actor: Actor, taskForceId: string) {
  const spec = { taskForceId, action: "task_force.read", ability: "readRoster" } as const;
  return onTaskForce(ctx, actor, spec, async (w) => {
    const tf = w.taskForce.row;
    const members = await w.repos.taskForces.members(taskForceId);
    const shifts = await w.repos.taskForces.currentAndComingShifts(taskForceId);
    const certs = await w.repos.certifications.heldBy(members.map((m) => m.userId));
    w.record({ detail: { members: members.length } });
    return {
      id: tf.id,
      name: tf.name,
      agencyId: tf.agency_id,
      members: members.map((m) => ({
        ...m,
        onCall: shifts.some((s) => s.membershipId === m.membershipId && s.startsAt <= w.nowIso),
        certifications: certs
          .filter((c) => c.userId === m.userId)
          .map(({ kind, issuedOn, expiresOn }) => ({ kind, issuedOn, expiresOn })),
      })),
      shifts,
    };
  });
}
