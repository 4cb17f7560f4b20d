import type { AccountAbilities } from "../../domain/abilities.ts";
import type { UiMessageKey } from "../i18n/i18n.tsx";

export interface MenuItem {
  href: string;
  label: UiMessageKey;
}

/**
 * Which links the staff menu shows, read from the `abilities` GET /api/v1/me sends: the browser
 * keeps no copy of the role lists. This only hides links that would answer 403; the server
 * decides every request.
 */
export function menuFor(abilities: AccountAbilities): MenuItem[] {
  const items: MenuItem[] = [{ href: "/work", label: "nav.my_work" }];
  if (abilities.intake) items.push({ href: "/intake", label: "nav.intake" });
  if (abilities.caseload) items.push({ href: "/cases", label: "nav.caseload" });
  if (abilities.openCasesQueue) items.push({ href: "/open-cases", label: "nav.open_cases" });
  if (abilities.overdueQueue) items.push({ href: "/overdue", label: "nav.overdue" });
  if (abilities.manageTaskForces) items.push({ href: "/task-forces", label: "nav.task_forces" });
  if (abilities.administerAccounts) items.push({ href: "/admin/users", label: "nav.users" });
  if (abilities.administerAccounts || abilities.createAgencies)
    items.push({ href: "/admin/agencies", label: "nav.agencies" });
  if (abilities.recordCertifications)
    items.push({ href: "/admin/certifications", label: "nav.certifications" });
  if (abilities.readAudit) items.push({ href: "/audit", label: "nav.audit" });
  return items;
}
