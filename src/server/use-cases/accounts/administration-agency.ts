import type { AppContext } from "../../context.ts";
import { accountsOutsideUnit } from "../../repositories/accounts/account-repositories.ts";

/**
 * A system agency by name and kind, created on first use (administration, the intake queue).
 * Not audited, as before: the agency is the system's own, no one's act.
 */
export function ensureAgency(ctx: AppContext, name: string, kind: string): Promise<string> {
  return accountsOutsideUnit(ctx).agencies.ensure(name, kind);
}

/** System administrators belong to this agency; it holds no cases. */
export function ensureAdministrationAgency(ctx: AppContext): Promise<string> {
  return ensureAgency(ctx, "Waypoint administration", "other");
}
