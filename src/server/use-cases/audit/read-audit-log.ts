import type { ReadAuditLogQuery } from "../../../contract/audit/inputs.ts";
import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { asCaller } from "../../unit-of-work/as-caller.ts";

/**
 * The audit viewer: agency administrators see their agency's rows, system administrators and
 * the state coordinator all (the repository applies the policy's `auditReach`), narrowed by the
 * filters. Reading the trail is itself audited, with the filters used.
 */
export function readAuditLog(ctx: AppContext, actor: Actor, query: ReadAuditLogQuery) {
  const spec = {
    action: "audit.read",
    recordType: "audit_log",
    ability: "readAudit",
    refusal: "Your role cannot read the audit trail.",
  } as const;
  return asCaller(ctx, actor, spec, async (w) => {
    w.record({ detail: filterDetail(query) });
    return w.listed(await w.repos.auditTrail.readable(query));
  });
}

/** The filters as the audit row keeps them (ids, a case number, an action code, days). */
export function filterDetail(f: {
  actor?: string | undefined;
  caseNumber?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.actor) out.filterActor = f.actor;
  if (f.caseNumber) out.filterCase = f.caseNumber;
  if (f.action) out.filterAction = f.action;
  if (f.from) out.filterFrom = f.from;
  if (f.to) out.filterTo = f.to;
  return out;
}
