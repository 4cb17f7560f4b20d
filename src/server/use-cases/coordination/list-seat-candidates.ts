import {
  type RatSeat,
  rankCandidates,
} from "../../../domain/coordination/rapid-assessment-team.ts";
import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { notFound } from "../../errors.ts";
import { onCase } from "../../unit-of-work/on-case.ts";

/**
 * Everyone in the case team's task force who could take a seat, eligible first (on call first),
 * then those who cannot and why: what a convener needs to offer a seat by hand.
 */
export function listSeatCandidates(ctx: AppContext, actor: Actor, caseId: string, seat: RatSeat) {
  const spec = { caseId, action: "rat.candidates", ability: "formRat" } as const;
  return onCase(ctx, actor, spec, async (w) => {
    const rat = await w.repos.rapidAssessmentTeams.findForCase(caseId);
    if (!rat) throw notFound("Rapid Assessment Team");
    const all = await w.repos.seatCandidates.forSeat(rat.task_force_id, seat);
    const ranked = [
      ...rankCandidates(all.filter((c) => c.ineligible === null)),
      ...rankCandidates(all.filter((c) => c.ineligible !== null)),
    ];
    w.record({ detail: { ratId: rat.id, seat, count: ranked.length } });
    return ranked.map((c) => ({
      membershipId: c.membershipId,
      displayName: c.displayName,
      onCall: c.onCall,
      ineligible: c.ineligible,
      certificationExpiresOn: c.certificationExpiresOn,
    }));
  });
}
