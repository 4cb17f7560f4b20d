import type { FormRatInput } from "../../../contract/coordination/inputs.ts";
import { RAT_SEAT_IDS } from "../../../domain/coordination/rapid-assessment-team.ts";
import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { conflict, notFound } from "../../errors.ts";
import type { RatView } from "../../repositories/coordination/rapid-assessment-teams.ts";
import { onCase } from "../../unit-of-work/on-case.ts";

/**
 * Convenes the case's Rapid Assessment Team from a task force: each seat is offered to the best
 * eligible member (valid certification, on call first). Seats with nobody eligible stay empty
 * for the convener to fill by hand.
 */
export function formRapidAssessmentTeam(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: FormRatInput,
): Promise<RatView> {
  return onCase(ctx, actor, { caseId, action: "rat.form", ability: "formRat" }, async (w) => {
    const teams = w.repos.rapidAssessmentTeams;
    const taskForce = await w.repos.taskForces.find(input.taskForceId);
    if (!taskForce) throw notFound("task force");
    if (await teams.findForCase(caseId))
      throw conflict("This case already has a Rapid Assessment Team.");
    const ratId = await teams.convene(caseId, taskForce.id);
    const offered: string[] = [];
    for (const seat of RAT_SEAT_IDS) {
      const candidate = await w.repos.seatCandidates.next(ratId, taskForce.id, seat);
      if (!candidate) continue;
      await teams.offerSeat({ ratId, caseId, seat, candidate });
      offered.push(seat);
    }
    await w.repos.events.append({ caseId, kind: "rat_requested", data: { ratId, offered } });
    w.record({ detail: { ratId, offered: offered.join(",") } });
    return (await teams.view(caseId)) as RatView;
  });
}
