import type { OfferSeatInput } from "../../../contract/coordination/inputs.ts";
import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { AppError, conflict, notFound } from "../../errors.ts";
import type { RatView } from "../../repositories/coordination/rapid-assessment-teams.ts";
import { onCase } from "../../unit-of-work/on-case.ts";

const INELIGIBLE_MESSAGES = {
  wrong_role: "This person does not hold the role this seat needs.",
  certification_missing: "This person holds no certification for this seat.",
  certification_expired: "This person's certification for this seat is not valid today.",
} as const;

/**
 * Offers a seat to a chosen member of the team's task force, withdrawing an offer still
 * unanswered; refuses anyone whose certification is not valid today, and a seat already taken.
 */
export function offerRatSeat(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: OfferSeatInput,
): Promise<RatView> {
  const spec = { caseId, action: "rat.offer_seat", ability: "formRat" } as const;
  return onCase(ctx, actor, spec, async (w) => {
    const teams = w.repos.rapidAssessmentTeams;
    const rat = await teams.findForCase(caseId);
    if (!rat) throw notFound("Rapid Assessment Team");
    const candidate = (await w.repos.seatCandidates.forSeat(rat.task_force_id, input.seat)).find(
      (c) => c.membershipId === input.membershipId,
    );
    if (!candidate)
      throw new AppError(
        "not_a_member",
        "This person is not a member of the task force with this seat's role.",
        "membershipId",
      );
    if (candidate.ineligible)
      throw new AppError(
        candidate.ineligible,
        INELIGIBLE_MESSAGES[candidate.ineligible],
        "membershipId",
      );
    const standing = await teams.standingOffers(rat.id, input.seat);
    if (standing.some((s) => s.status === "accepted"))
      throw conflict("This seat is already taken; the team member must step down first.");
    for (const s of standing) await teams.withdrawOffer(s.id);
    await teams.offerSeat({ ratId: rat.id, caseId, seat: input.seat, candidate });
    await w.repos.events.append({ caseId, kind: "rat_seat_offered", data: { seat: input.seat } });
    w.record({ detail: { ratId: rat.id, seat: input.seat } });
    return (await teams.view(caseId)) as RatView;
  });
}
