import type { Actor } from "../../access/actor.ts";
import { consentHolderFor, keepsConsentsOf } from "../../access/policy.ts";
import type { AppContext } from "../../context.ts";
import { notFound } from "../../errors.ts";
import { asCaller } from "../../unit-of-work/as-caller.ts";

/**
 * A person's consent records held by the caller's agency, for its advocates (who record and
 * revoke them; `consentHolderFor` says whose record a consent releases).
 * Anyone else gets the same 404 as for a person that does not exist.
 */
export function listConsents(ctx: AppContext, actor: Actor, personId: string) {
  const spec = { action: "consent.list", recordType: "person", recordId: personId };
  return asCaller(ctx, actor, spec, async (w) => {
    const person = await w.repos.consents.personRecord(personId);
    const holder = person && consentHolderFor(actor, person);
    if (!person || !holder || !keepsConsentsOf(actor, holder.id))
      throw w.refuse(notFound("person"));
    return w.listed(await w.repos.consents.listAbout(personId, holder.id));
  });
}
