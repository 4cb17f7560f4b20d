import type { ReassessInput } from "../../../contract/intake/inputs.ts";
import { assess } from "../../../domain/assessment/engine.ts";
import type { ActionId } from "../../../domain/assessment/vocabulary.ts";
import { planObligations, SPECIALIZED_PLAN_HOURS } from "../../../domain/obligations.ts";
import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { conflict } from "../../errors.ts";
import { onCase } from "../../unit-of-work/on-case.ts";

/**
 * Assesses a case again when facts change. Actions the new assessment requires and the case does
 * not have yet become obligations (their clocks still run from the tip); open obligations it no
 * longer requires are retired as not applicable, with the reason recorded. Done ones stay done.
 * Whoever can see the case may assess it again (`reassess`, as wide as `read`; refused on a
 * closed case): a role without case access finds no case (404), as before.
 */
export function reassessCase(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: ReassessInput,
): Promise<{ determination: string; version: number; added: string[]; retired: string[] }> {
  const spec = { caseId, action: "case.assess", ability: "reassess" } as const;
  return onCase(ctx, actor, spec, async (w) => {
    const assessment = assess(input.facts);
    const { determination } = assessment;
    if (!(await w.repos.intake.reassess(caseId, input.version, determination)))
      throw conflict(
        "The case changed since you opened it; reload to see the change, then assess again.",
      );
    await w.repos.assessments.add(caseId, input.facts, assessment);
    const existing = await w.repos.obligations.listStanding(caseId);
    const required = new Set<string>(assessment.actions);
    const have = new Set(existing.map((o) => o.action_id));
    const added = assessment.actions.filter((a) => !have.has(a));
    const retire = existing.filter((o) => o.status === "open" && !required.has(o.action_id));
    for (const o of retire)
      await w.repos.obligations.retire(
        o,
        `No longer required after re-assessment (${determination}): ${input.reason}`,
      );
    const receivedAt = w.case.row.received_at;
    const plans = planObligations(added as ActionId[], {
      receivedAt: new Date(receivedAt),
      intakeAt: w.now,
      specializedPlanHours: SPECIALIZED_PLAN_HOURS,
    });
    await w.repos.obligations.plan(caseId, plans, receivedAt);
    const retired = retire.map((o) => o.action_id);
    await w.repos.events.append({
      caseId,
      kind: "case_reassessed",
      data: { determination, added, retired },
    });
    w.record({
      fields: ["determination"],
      detail: { determination, added: added.length, retired: retired.length },
    });
    return { determination, version: input.version + 1, added, retired };
  });
}
