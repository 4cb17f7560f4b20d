import type { CertificationInput } from "../../../contract/coordination/inputs.ts";
import type { Actor } from "../../access/actor.ts";
import { mayRecordCertifications } from "../../access/policy.ts";
import type { AppContext } from "../../context.ts";
import { notFound } from "../../errors.ts";
import { asCaller } from "../../unit-of-work/as-caller.ts";

/** Records a certification of a person, with its issue and expiry dates. */
export function recordCertification(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  input: CertificationInput,
): Promise<{ id: string }> {
  const spec = { action: "certification.create", recordType: "user", recordId: userId };
  return asCaller(ctx, actor, spec, async (w) => {
    const memberships = await w.repos.certifications.membershipsOf(userId);
    // Someone outside the caller's reach answers exactly as someone who does not exist, so a
    // staff id's existence does not leak.
    if (memberships.length === 0 || !mayRecordCertifications(actor, memberships))
      throw w.refuse(notFound("user"));
    const id = await w.repos.certifications.record(userId, input);
    w.record({ detail: { certificationId: id, kind: input.kind } });
    return { id };
  });
}
