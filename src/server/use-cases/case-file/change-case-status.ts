import type { ChangeStatusInput } from "../../../contract/case-file/inputs.ts";
import { closingProblem } from "../../../domain/closing.ts";
import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { AppError, conflict } from "../../errors.ts";
import { type CaseWork, onCase } from "../../unit-of-work/on-case.ts";

/**
 * Closes a case or reopens it. Closing records the outcome (the statistics of § 97-3-54.9 count
 * them); reopening clears it and is on the timeline. A case closes only when nothing is left
 * open (domain/closing.ts): the obligations the person retires with a reason in the same step are
 * retired first, each recorded; anything else still open, or a referral still waiting for its
 * answer (the sender may withdraw it), refuses the close and nothing changes. Seats of the
 * case's team still offered to someone are withdrawn with the close: there is no team to join.
 */
export function changeCaseStatus(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: ChangeStatusInput,
): Promise<{ version: number; status: string; retired: number }> {
  const spec = { caseId, action: "case.change_status", ability: "changeStatus" } as const;
  return onCase(ctx, actor, spec, async (w) => {
    const retired = input.status === "closed" ? await settleBeforeClosing(w, caseId, input) : 0;
    const withdrawnSeats = input.status === "closed" ? await withdrawSeatOffers(w, caseId) : 0;
    const outcome = input.outcome ?? null;
    const { retire: _retire, ...change } = input;
    const changed = await w.repos.cases.changeStatus(caseId, { ...change, outcome });
    if (!changed)
      throw conflict("Someone changed this case since you opened it; reload to see their change.");
    await w.repos.events.append({
      caseId,
      kind: input.status === "closed" ? "case_closed" : "case_reopened",
      data: {
        outcome,
        ...(retired > 0 ? { retiredObligations: retired } : {}),
        ...(withdrawnSeats > 0 ? { withdrawnSeatOffers: withdrawnSeats } : {}),
      },
    });
    w.record({
      fields: [
        "status",
        ...(outcome ? ["outcome"] : []),
        ...(retired > 0 ? ["obligations"] : []),
        ...(withdrawnSeats > 0 ? ["rat_seats"] : []),
      ],
      detail: {
        status: input.status,
        ...(outcome ? { caseOutcome: outcome } : {}),
        ...(retired > 0 ? { retiredObligations: retired } : {}),
        ...(withdrawnSeats > 0 ? { withdrawnSeatOffers: withdrawnSeats } : {}),
      },
    });
    return { version: input.version + 1, status: input.status, retired };
  });
}

/** Retires what the person chose to retire, then refuses the close if anything is left open. */
async function settleBeforeClosing(
  w: CaseWork,
  caseId: string,
  input: ChangeStatusInput,
): Promise<number> {
  const open = (await w.repos.obligations.listStanding(caseId)).filter((o) => o.status === "open");
  const reasons = new Map((input.retire ?? []).map((r) => [r.obligationId, r.reason]));
  for (const id of reasons.keys())
    if (!open.some((o) => o.id === id))
      throw new AppError(
        "invalid_transition",
        "One of the obligations to retire is not open on this case any more; reload and try again.",
        "retire",
      );
  for (const o of open) {
    const reason = reasons.get(o.id);
    if (reason === undefined) continue;
    await w.repos.obligations.retire(o, reason);
    await w.repos.events.append({
      caseId,
      kind: "obligation_closed",
      data: { obligationId: o.id, status: "not_applicable", onCaseClose: true },
    });
  }
  const problem = closingProblem({
    openObligations: open.length - reasons.size,
    pendingReferrals: await w.repos.referrals.pendingOnCase(caseId),
  });
  if (problem) throw new AppError("case_has_open_work", problem);
  return reasons.size;
}

/** Withdraws the team's seat offers still unanswered on a case that is closing; how many. */
async function withdrawSeatOffers(w: CaseWork, caseId: string): Promise<number> {
  const offers = await w.repos.rapidAssessmentTeams.unansweredOnCase(caseId);
  for (const seatId of offers)
    await w.repos.rapidAssessmentTeams.withdrawOffer(seatId, "case closed");
  return offers.length;
}
