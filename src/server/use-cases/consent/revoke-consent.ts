import type { Actor } from "../../access/actor.ts";
import { keepsConsentsOf } from "../../access/policy.ts";
import type { AppContext } from "../../context.ts";
import { notFound } from "../../errors.ts";
import { asCaller } from "../../unit-of-work/as-caller.ts";

/** Revocation stops disclosure at once: the next read no longer finds a valid consent. */
export function revokeConsent(ctx: AppContext, actor: Actor, consentId: string): Promise<void> {
  const spec = { action: "consent.revoke", recordType: "consent", recordId: consentId };
  return asCaller(ctx, actor, spec, async (w) => {
    const consent = await w.repos.consents.find(consentId);
    if (!consent || !keepsConsentsOf(actor, consent.holder_agency_id))
      throw w.refuse(notFound("consent"));
    await w.repos.consents.revoke(consentId);
  });
}
