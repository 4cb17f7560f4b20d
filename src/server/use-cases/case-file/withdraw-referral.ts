import type { WithdrawReferralInput } from "../../../contract/case-file/inputs.ts";
import { REFERRAL_WITHDRAWABLE } from "../../../domain/coordination/referral.ts";
import type { Actor } from "../../access/actor.ts";
import { mayWithdrawReferral } from "../../access/policy.ts";
import type { AppContext } from "../../context.ts";
import { AppError, conflict, forbidden } from "../../errors.ts";
import type { Repositories } from "../../repositories/bound.ts";
import { onCaseOf } from "../../unit-of-work/on-case.ts";

/**
 * The sending agency withdraws a referral nobody has answered yet, so the case is not held open
 * by it (a case closes only when nothing waits). Only the agency that sent it may, with the
 * case's `sendReferral` ability; the receiving agency is told, by ids only.
 */
export function withdrawReferral(
  ctx: AppContext,
  actor: Actor,
  referralId: string,
  input: WithdrawReferralInput,
): Promise<{ version: number }> {
  const spec = {
    action: "referral.withdraw",
    recordType: "referral",
    recordId: referralId,
    asked: "referral",
    ability: "sendReferral",
    find: (repos: Repositories) => repos.referrals.findVisible(referralId),
  } as const;
  return onCaseOf(ctx, actor, spec, async (w, ref) => {
    if (!mayWithdrawReferral(actor, ref))
      throw w.refuse(forbidden("Only the agency that sent this referral can withdraw it."));
    if (ref.status !== REFERRAL_WITHDRAWABLE)
      throw new AppError(
        "invalid_transition",
        `A referral that is ${ref.status} cannot be withdrawn; only one not yet answered can.`,
        "status",
      );
    if (!(await w.repos.referrals.withdraw(referralId, input.version)))
      throw conflict("Someone changed this referral since you opened it; reload to see it.");
    await w.repos.events.append({
      caseId: ref.caseId,
      kind: "referral_withdrawn",
      data: { referralId },
      record: { type: "referral", id: referralId },
    });
    await w.repos.notifications.toAgency(ref.to_agency_id, "referral_withdrawn", {
      caseId: ref.caseId,
      referralId,
    });
    w.record({ fields: ["status"], detail: { status: "withdrawn" } });
    return { version: input.version + 1 };
  });
}
