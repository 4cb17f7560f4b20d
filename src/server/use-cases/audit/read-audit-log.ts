import type { ReadAuditLogQuery } from "../../../contract/audit/inputs.ts";
import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { asCaller } from "../../unit-of-work/as-caller.ts";

/**
 * The audit viewer: agency administrators see their agency's rows, system administrators all
 * (the repository applies the policy's `auditReach`). Reading the trail is itself audited.
 */
export function readAuditLog(ctx: AppContext, actor: Actor, query: ReadAuditLogQuery) {
  const spec = {
    action: "audit.read",
    recordType: "audit_log",
    ability: "readAudit",
    refusal: "Your role cannot read the audit trail.",
  } as const;
  return asCaller(ctx, actor, spec, async (w) =>
    w.listed(await w.repos.auditTrail.readable(query)),
  );
}
