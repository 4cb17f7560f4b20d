import type { Actor } from "../access/actor.ts";
import { type TaskForceAbilities, taskForceAbilities } from "../access/policy.ts";
import type { AppContext } from "../context.ts";
import { forbidden, notFound } from "../errors.ts";
import type { TaskForceRow } from "../repositories/coordination/task-forces.ts";
import { runUnit, type Work } from "./unit-of-work.ts";

/** The refusal's plain words for whoever may not run a task force. */
export const TASK_FORCE_REFUSAL =
  "Only this task force's lead or the state coordinator may do this.";

export interface TaskForceWork extends Work {
  /** The task force, and what the caller may do with it. */
  readonly taskForce: { row: TaskForceRow; abilities: TaskForceAbilities };
}

export interface TaskForceUnitSpec {
  taskForceId: string;
  /** The audit action, recorded about the task force. */
  action: string;
  /** The named ability the work needs (src/domain/abilities.ts). */
  ability: keyof TaskForceAbilities;
}

/**
 * A unit of work on one task force. Inside the unit's transaction: the task force (404 when
 * there is none), then the named ability (403 without it), then the work. Both refusals are
 * audited after the rollback, about the task force asked for.
 */
export function onTaskForce<T>(
  ctx: AppContext,
  actor: Actor,
  spec: TaskForceUnitSpec,
  work: (w: TaskForceWork) => Promise<T>,
): Promise<T> {
  return runUnit(
    ctx,
    actor,
    { action: spec.action, recordType: "task_force", recordId: spec.taskForceId },
    async (w) => {
      const row = await w.repos.taskForces.find(spec.taskForceId);
      if (!row) throw w.refuse(notFound("task force"));
      const abilities = taskForceAbilities(actor, row);
      if (!abilities[spec.ability]) throw w.refuse(forbidden(TASK_FORCE_REFUSAL));
      return { row, abilities };
    },
    (w, found) => work({ ...w, taskForce: found }),
  );
}
