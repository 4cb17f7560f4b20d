import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import type { RatView } from "../../repositories/coordination/rapid-assessment-teams.ts";
import { onCase } from "../../unit-of-work/on-case.ts";

/** The case's team, seat by seat; null when none has been convened. */
export function getRapidAssessmentTeam(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
): Promise<RatView | null> {
  return onCase(ctx, actor, { caseId, action: "rat.read", ability: "read" }, async (w) => {
    return (await w.repos.rapidAssessmentTeams.view(caseId)) ?? null;
  });
}
