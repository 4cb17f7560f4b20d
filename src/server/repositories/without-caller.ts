import { CaseAssignmentRepository } from "./cases/assignment.ts";
import { NotificationsRepository } from "./coordination/notifications.ts";
import { AssessmentsRepository } from "./intake/assessments.ts";
import { IntakeCasesRepository } from "./intake/cases.ts";
import { CpsRoutingRepository } from "./intake/cps-routing.ts";
import { TipsRepository } from "./intake/tips.ts";
import { lazyRepositories, type RepositoriesOf } from "./lazy.ts";
import { DeadlinesRepository } from "./obligations/deadlines.ts";
import { ObligationsRepository } from "./obligations/obligations.ts";
import type { SystemScope } from "./scope.ts";

const SYSTEM_REPOSITORIES = {
  assessments: AssessmentsRepository,
  assignment: CaseAssignmentRepository,
  cpsRouting: CpsRoutingRepository,
  deadlines: DeadlinesRepository,
  intake: IntakeCasesRepository,
  notifications: NotificationsRepository,
  obligations: ObligationsRepository,
  tips: TipsRepository,
} as const;

export type SystemRepositories = RepositoriesOf<typeof SYSTEM_REPOSITORIES>;

/**
 * The repositories work without a caller may use (a public tip, a deadline job, a loader),
 * bound to its unit's transaction. Only these: none of them reads by anyone's scope, so work no
 * person asked for can write what it must without ever reading a case on someone's behalf.
 * Built lazily, like `repositoriesFor`; add a repository to the table, in alphabetical order.
 */
export function repositoriesWithoutCaller(scope: SystemScope): SystemRepositories {
  return lazyRepositories(scope, SYSTEM_REPOSITORIES);
}
