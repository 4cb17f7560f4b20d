import type { Role } from "../../domain/roles.ts";
import type { AuditContext } from "../audit/audit-log.ts";
import type { Clock } from "../clock.ts";

/**
 * Who is asking: the authenticated user acting through one membership (agency and role).
 * Every repository of case data is built for one actor and filters by it.
 */
export interface Actor {
  userId: string;
  membershipId: string;
  agencyId: string;
  agencyKind: string;
  role: Role;
  via: "session" | "token";
  clientIp: string | null;
}

export function auditContextFor(
  actor: Actor | null,
  clock: Clock,
  clientIp: string | null = null,
): AuditContext {
  return {
    actor: actor ? { userId: actor.userId, agencyId: actor.agencyId, role: actor.role } : null,
    clientIp: actor?.clientIp ?? clientIp,
    clock,
  };
}
