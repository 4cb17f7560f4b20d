import type { Actor } from "../access/actor.ts";
import { type AccountAbilities, accountAbilities } from "../access/policy.ts";
import type { AppContext } from "../context.ts";
import { forbidden } from "../errors.ts";
import { runUnit, type UnitSpec, type Work } from "./unit-of-work.ts";

export interface CallerUnitSpec extends UnitSpec {
  /** The named ability the work needs outside any one case; none for what every caller may do. */
  ability?: keyof AccountAbilities;
  /** The refusal's plain words when the ability is missing. */
  refusal?: string;
}

/**
 * A unit of work that is not on one case (intake, a queue, an account, a task force): the
 * caller's named ability is checked inside the unit's transaction, then the work runs; the
 * unit's audit row is appended with it, or the refusal after the rollback.
 */
export function asCaller<T>(
  ctx: AppContext,
  actor: Actor,
  spec: CallerUnitSpec,
  work: (w: Work) => Promise<T>,
): Promise<T> {
  const { ability, refusal, ...unit } = spec;
  return runUnit(
    ctx,
    actor,
    unit,
    async (w) => {
      if (ability && !accountAbilities(actor)[ability]) throw w.refuse(forbidden(refusal));
    },
    (w) => work(w),
  );
}
