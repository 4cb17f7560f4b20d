import { isRole, ROLE_POLICIES } from "../../domain/roles.ts";
import type { UiMessageKey } from "../i18n/i18n.tsx";

export interface MenuItem {
  href: string;
  label: UiMessageKey;
}

/**
 * Which links the staff menu shows. This only hides links that would answer 403; the server
 * decides every request. It reads the shared role table (src/domain/roles.ts) where that table
 * says it; the overdue queue's overseers are not in the table yet, so they are named here as
 * `src/server/use-cases/list-overdue.ts` names them (an ability on GET /api/v1/me would do better).
 */
const OVERDUE_OVERSEERS = new Set(["task_force_lead", "state_coordinator"]);

export function menuFor(role: string): MenuItem[] {
  const policy = isRole(role) ? ROLE_POLICIES[role] : null;
  const items: MenuItem[] = [{ href: "/work", label: "nav.my_work" }];
  if (policy && policy.caseScope !== "none") items.push({ href: "/intake", label: "nav.intake" });
  if (OVERDUE_OVERSEERS.has(role)) items.push({ href: "/overdue", label: "nav.overdue" });
  if (policy && policy.audit !== "none") items.push({ href: "/audit", label: "nav.audit" });
  return items;
}
