import type { Role } from "../../../domain/roles.ts";
import { mayHoldCases, ROUTED_CASE_ROLES, ROUTING_ALERT_ROLES } from "../../access/policy.ts";
import type { IntakeWork } from "./open-case.ts";

/** Who took a case in: the signed-in person, or the person triaging a public tip. */
export interface IntakeTaker {
  userId: string;
  role: Role;
}

interface NewCase {
  caseId: string;
  caseNumber: string;
  countyFips: string | null;
  intakeAgencyId: string;
  routesToCps: boolean;
  takenBy: IntakeTaker | null;
}

/**
 * Gives a new case its named owners (issue 13), so that every report reaches a person:
 * - a child's report is routed to its county's CPS office and assigned to that office's
 *   least-loaded investigator, who owns CPS's obligations; an office with no one falls back to
 *   the statewide office, and the state's coordinator is told (no report lands in an empty office);
 * - otherwise the case stays with whoever took it in, if their role holds cases;
 * - the reporter's duties stay with whoever took it in (the triager, for a public tip);
 * - a duty nobody at the holding agency could take goes to the assigned worker.
 */
export async function assignOwners(
  w: IntakeWork,
  c: NewCase,
): Promise<{ routedToAgencyId: string | null; assignedUserId: string | null }> {
  const { assignment } = w.repos;
  if (c.takenBy) await assignment.claimFor(c.caseId, ["reporter"], c.takenBy.userId);
  let holder = {
    agencyId: c.intakeAgencyId,
    userId: c.takenBy && mayHoldCases(c.takenBy.role) ? c.takenBy.userId : null,
  };
  let routedToAgencyId: string | null = null;
  if (c.routesToCps) {
    const route = await w.repos.cpsRouting.routeChildReport(c.countyFips);
    routedToAgencyId = route.agencyId;
    await w.repos.intake.routeTo(c.caseId, route.agencyId);
    holder = { agencyId: route.agencyId, userId: route.assignee?.userId ?? null };
    if (route.fellBack)
      await w.repos.notifications.toRoleHolders(ROUTING_ALERT_ROLES, "routing.fallback", {
        caseId: c.caseId,
        caseNumber: c.caseNumber,
        countyFips: c.countyFips ?? "",
        reached: route.assignee ? "statewide" : "no_one",
      });
  }
  if (holder.userId) {
    await assignment.assign(c.caseId, holder.agencyId, holder.userId);
    await assignment.claimFor(c.caseId, ROUTED_CASE_ROLES, holder.userId);
    await assignment.settleUnreachable(c.caseId, holder.userId);
    await assignment.event(c.caseId, "case_assigned", {
      toUserId: holder.userId,
      agencyId: holder.agencyId,
    });
    if (holder.userId !== c.takenBy?.userId)
      await w.repos.notifications.toUser(holder.userId, "case.assigned", {
        caseId: c.caseId,
        caseNumber: c.caseNumber,
      });
  }
  return { routedToAgencyId, assignedUserId: holder.userId };
}
