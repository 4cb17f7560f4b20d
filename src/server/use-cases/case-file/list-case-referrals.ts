import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { onCase } from "../../unit-of-work/on-case.ts";

/**
 * The case's referrals the caller may see: to whom, for what, and on what basis identity went
 * with them (one another victim-services agency sent stays hidden without consent).
 */
export function listCaseReferrals(ctx: AppContext, actor: Actor, caseId: string) {
  return onCase(ctx, actor, { caseId, action: "referral.list", ability: "read" }, async (w) =>
    w.listed(await w.repos.referralReading.listVisible(caseId, w.case.abilities.sendReferral)),
  );
}
