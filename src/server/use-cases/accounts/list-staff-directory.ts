import type { Actor } from "../../access/actor.ts";
import { mayReadStaffDirectory } from "../../access/policy.ts";
import type { AppContext } from "../../context.ts";
import { forbidden } from "../../errors.ts";
import { asCaller } from "../../unit-of-work/as-caller.ts";

/**
 * The staff directory for those who build task forces and record certifications: who works
 * where, in which role (membership ids to add them with). No e-mail, no account status. A
 * refusal is audited; the read itself is not (staff data, not victims': docs/security.md).
 */
export function listStaffDirectory(ctx: AppContext, actor: Actor) {
  const spec = { action: "staff.list", recordType: "user", auditRefusalOnly: true };
  return asCaller(ctx, actor, spec, async (w) => {
    if (!mayReadStaffDirectory(actor)) throw w.refuse(forbidden("You cannot list staff."));
    return w.repos.directory.staff();
  });
}
