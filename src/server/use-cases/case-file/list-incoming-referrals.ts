import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { asCaller } from "../../unit-of-work/as-caller.ts";

/**
 * Referrals waiting on the caller's agency. The person's name and birth date appear only on
 * referrals that still disclose them (on the basis recorded when they were sent).
 */
export function listIncomingReferrals(ctx: AppContext, actor: Actor) {
  const spec = {
    action: "referral.list_incoming",
    recordType: "referral",
    ability: "receiveReferrals",
    refusal: "Your role does not receive referrals.",
  } as const;
  return asCaller(ctx, actor, spec, async (w) => {
    const { referrals, disclosedPersonIds } = await w.repos.referrals.listIncoming();
    w.record({
      fields: disclosedPersonIds.map((id) => `person.${id}.identity`),
      detail: { count: referrals.length },
    });
    return referrals;
  });
}
