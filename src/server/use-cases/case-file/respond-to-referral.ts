import type { RespondToReferralInput } from "../../../contract/case-file/inputs.ts";
import {
  REFERRAL_TRANSITIONS,
  type ReferralStatus,
} from "../../../domain/coordination/referral.ts";
import type { Actor } from "../../access/actor.ts";
import { accountAbilities } from "../../access/policy.ts";
import type { AppContext } from "../../context.ts";
import { AppError, conflict, notFound } from "../../errors.ts";
import { asCaller } from "../../unit-of-work/as-caller.ts";

/**
 * The receiving agency accepts, declines (with a reason) or completes a referral, and the
 * sending agency is told (by ids and the answer only). Staff who do not receive referrals (the
 * `receiveReferrals` ability), and every other agency, are answered as if it did not exist.
 */
export function respondToReferral(
  ctx: AppContext,
  actor: Actor,
  referralId: string,
  input: RespondToReferralInput,
): Promise<{ version: number }> {
  const spec = { action: "referral.respond", recordType: "referral", recordId: referralId };
  return asCaller(ctx, actor, spec, async (w) => {
    const ref = await w.repos.referrals.findIncoming(referralId);
    if (!ref || !accountAbilities(actor).receiveReferrals) throw w.refuse(notFound("referral"));
    if (!REFERRAL_TRANSITIONS[ref.status as ReferralStatus].includes(input.status))
      throw new AppError(
        "invalid_transition",
        `A referral that is ${ref.status} cannot become ${input.status}.`,
        "status",
      );
    if (!(await w.repos.referrals.answer(referralId, input)))
      throw conflict("Someone answered this referral since you opened it; reload to see it.");
    await w.repos.events.append({
      caseId: ref.case_id,
      kind: `referral_${input.status}`,
      data: { referralId },
      record: { type: "referral", id: referralId },
    });
    await w.repos.notifications.toAgency(ref.from_agency_id, "referral_answered", {
      caseId: ref.case_id,
      referralId,
      answer: input.status,
    });
    w.record({ fields: ["status"], detail: { status: input.status } });
    return { version: input.version + 1 };
  });
}
