import type { RespondToSeatInput } from "../../../contract/coordination/inputs.ts";
import { seatIneligibility } from "../../../domain/coordination/rapid-assessment-team.ts";
import { localDate } from "../../../domain/time.ts";
import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { AppError, conflict, notFound } from "../../errors.ts";
import { asCaller } from "../../unit-of-work/as-caller.ts";
import type { Work } from "../../unit-of-work/unit-of-work.ts";

/**
 * The offered member accepts or declines a seat. Accepting joins them to the case team; the
 * third accepted seat forms the team, records time from the tip, and meets the case's
 * `rapid_assessment_team` obligation. Declining offers the seat to the next eligible member.
 * Either way the team's conveners are told.
 */
export function respondToRatSeat(
  ctx: AppContext,
  actor: Actor,
  seatId: string,
  input: RespondToSeatInput,
): Promise<{ status: string; teamFormed: boolean }> {
  const spec = { action: "rat.respond", recordType: "rat_seat", recordId: seatId };
  return asCaller(ctx, actor, spec, async (w) => {
    const teams = w.repos.rapidAssessmentTeams;
    // An offer made to someone else answers like one that does not exist.
    const seat = await teams.offeredToCaller(seatId);
    if (!seat) throw w.refuse(notFound("seat offer"));
    if (input.response === "accepted") {
      const certifications = await w.repos.certifications.heldBy([actor.userId]);
      const holder = { role: actor.role, certifications };
      const why = seatIneligibility(seat.seat, holder, localDate(w.now));
      if (why)
        throw w.refuse(new AppError(why, "Your certification for this seat is not valid today."));
    }
    await teams.lockTeam(seat.ratId);
    if (!(await teams.answerOffer(seatId, input)))
      throw conflict("This offer has already been answered or withdrawn.");
    let teamFormed = false;
    if (input.response === "accepted") {
      await teams.joinCaseTeam(seat.caseId);
      teamFormed = await formIfComplete(w, seat.ratId, seat.caseId);
    } else {
      const next = await w.repos.seatCandidates.next(seat.ratId, seat.taskForceId, seat.seat);
      if (next)
        await teams.offerSeat({
          ratId: seat.ratId,
          caseId: seat.caseId,
          seat: seat.seat,
          candidate: next,
        });
    }
    await w.repos.events.append({
      caseId: seat.caseId,
      kind: `rat_seat_${input.response}`,
      data: { seat: seat.seat },
    });
    // Whoever convenes the team learns the answer (ids and the answer, never a name).
    for (const userId of await teams.convenersOf(seat.ratId))
      if (userId !== actor.userId)
        await w.repos.notifications.toUser(userId, "rat_seat_answered", {
          caseId: seat.caseId,
          seatId,
          seat: seat.seat,
          answer: input.response,
        });
    w.record({ detail: { response: input.response, teamFormed } });
    return { status: input.response, teamFormed };
  });
}

/** Forms the team when this acceptance filled its last seat: timed, obligation met, on the timeline. */
async function formIfComplete(w: Work, ratId: string, caseId: string): Promise<boolean> {
  const formationMs = await w.repos.rapidAssessmentTeams.formIfComplete(ratId, caseId);
  if (formationMs === null) return false;
  await w.repos.rapidAssessmentTeams.meetTeamObligation(ratId, caseId);
  await w.repos.events.append({
    caseId,
    kind: "rat_formed",
    data: { ratId, formationMinutes: Math.round(formationMs / 60_000) },
  });
  return true;
}
