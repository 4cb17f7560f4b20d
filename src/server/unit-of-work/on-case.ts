import type { Actor } from "../access/actor.ts";
import { type CaseAbilities, caseAbilities } from "../access/policy.ts";
import type { AppContext } from "../context.ts";
import type { CaseRow } from "../db/schema.ts";
import { forbidden, notFound } from "../errors.ts";
import { runUnit, type Work } from "./unit-of-work.ts";

export interface CaseWork extends Work {
  /** The case, found within the caller's scope, and what the caller may do with it. */
  readonly case: { row: CaseRow; abilities: CaseAbilities };
}

export interface CaseUnitSpec {
  caseId: string;
  /** The audit action, recorded about the case unless the work names another record. */
  action: string;
  /** The named ability the work needs (src/domain/abilities.ts). */
  ability: keyof CaseAbilities;
  /** What the caller asked for, named in the 404 (a plan, a note): the same whichever way it fails. */
  asked?: string;
}

/**
 * A unit of work on one case. Inside the unit's transaction: the case within the caller's scope
 * (out of scope answers 404 exactly like a case that does not exist), then the named ability
 * (403 without it), then the work. Both refusals are audited after the rollback.
 */
export function onCase<T>(
  ctx: AppContext,
  actor: Actor,
  spec: CaseUnitSpec,
  work: (w: CaseWork) => Promise<T>,
): Promise<T> {
  return runUnit(
    ctx,
    actor,
    { action: spec.action, recordType: "case", recordId: spec.caseId },
    async (w) => {
      const row = await w.repos.cases.findInScope(spec.caseId);
      if (!row) throw w.refuse(notFound(spec.asked ?? "case"));
      const abilities = caseAbilities(actor, row, true);
      if (!abilities[spec.ability])
        throw w.refuse(forbidden("Your role cannot do this on this case."));
      return { row, abilities };
    },
    (w, found) => work({ ...w, case: found }),
  );
}
