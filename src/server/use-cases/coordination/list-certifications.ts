import type { Actor } from "../../access/actor.ts";
import { mayReadCertifications } from "../../access/policy.ts";
import type { AppContext } from "../../context.ts";
import { notFound } from "../../errors.ts";
import { asCaller } from "../../unit-of-work/as-caller.ts";

/** A person's certifications: their own, or as one who records them. The read is audited. */
export function listCertifications(ctx: AppContext, actor: Actor, userId: string) {
  const spec = { action: "certification.list", recordType: "user", recordId: userId };
  return asCaller(ctx, actor, spec, async (w) => {
    const memberships = await w.repos.certifications.membershipsOf(userId);
    // Someone outside the caller's reach answers exactly as someone who does not exist.
    if (!mayReadCertifications(actor, userId, memberships)) throw w.refuse(notFound("user"));
    return w.listed(await w.repos.certifications.listFor(userId));
  });
}
