import { AgenciesRepository } from "./accounts/agencies.ts";
import { ApiTokensRepository } from "./accounts/api-tokens.ts";
import { DirectoryRepository } from "./accounts/directory.ts";
import { MembershipsRepository } from "./accounts/memberships.ts";
import { UsersRepository } from "./accounts/users.ts";
import { AuditTrailRepository } from "./audit/audit-trail.ts";
import { CaseEventsRepository } from "./case-file/case-events.ts";
import { ConsentsRepository } from "./case-file/consents.ts";
import { DocumentsRepository } from "./case-file/documents.ts";
import { NotesRepository } from "./case-file/notes.ts";
import { ObligationReadingRepository } from "./case-file/obligation-reading.ts";
import { PlanReadingRepository } from "./case-file/plan-reading.ts";
import { PlansRepository } from "./case-file/plans.ts";
import { ReferralReadingRepository } from "./case-file/referral-reading.ts";
import { ReferralsRepository } from "./case-file/referrals.ts";
import { TipReadingRepository } from "./case-file/tip-reading.ts";
import { CaseAssignmentRepository } from "./cases/assignment.ts";
import { CaseHolderRepository } from "./cases/case-holder.ts";
import { CasePeopleRepository } from "./cases/case-people.ts";
import { CaseReadingRepository } from "./cases/case-reading.ts";
import { CaseloadRepository } from "./cases/caseload.ts";
import { CasesRepository } from "./cases/cases.ts";
import { PersonRecordsRepository } from "./cases/person-records.ts";
import { BreakGlassNoticesRepository, BreakGlassRepository } from "./coordination/break-glass.ts";
import { CaseTeamRepository } from "./coordination/case-team.ts";
import { CertificationsRepository } from "./coordination/certifications.ts";
import { NotificationsRepository } from "./coordination/notifications.ts";
import { RapidAssessmentTeamsRepository } from "./coordination/rapid-assessment-teams.ts";
import { SeatCandidatesRepository } from "./coordination/seat-candidates.ts";
import { TaskForcesRepository } from "./coordination/task-forces.ts";
import { AssessmentsRepository } from "./intake/assessments.ts";
import { IntakeCasesRepository } from "./intake/cases.ts";
import { CpsRoutingRepository } from "./intake/cps-routing.ts";
import { lazyRepositories, type RepositoriesOf } from "./lazy.ts";
import { NotificationCentreRepository } from "./notifications/notification-centre.ts";
import { ObligationsRepository } from "./obligations/obligations.ts";
import { WorkQueuesRepository } from "./obligations/work-queues.ts";
import type { Scope } from "./scope.ts";

/**
 * Every repository a use case may use, by the name use cases call it (`w.repos.notes`). Add a
 * repository here, in alphabetical order, when a feature needs a new kind of record.
 */
const REPOSITORIES = {
  agencies: AgenciesRepository,
  apiTokens: ApiTokensRepository,
  assessments: AssessmentsRepository,
  assignment: CaseAssignmentRepository,
  auditTrail: AuditTrailRepository,
  breakGlass: BreakGlassRepository,
  breakGlassNotices: BreakGlassNoticesRepository,
  caseHolder: CaseHolderRepository,
  caseReading: CaseReadingRepository,
  caseload: CaseloadRepository,
  caseTeam: CaseTeamRepository,
  cases: CasesRepository,
  certifications: CertificationsRepository,
  consents: ConsentsRepository,
  cpsRouting: CpsRoutingRepository,
  directory: DirectoryRepository,
  documents: DocumentsRepository,
  events: CaseEventsRepository,
  intake: IntakeCasesRepository,
  memberships: MembershipsRepository,
  notes: NotesRepository,
  notificationCentre: NotificationCentreRepository,
  notifications: NotificationsRepository,
  obligationReading: ObligationReadingRepository,
  obligations: ObligationsRepository,
  people: CasePeopleRepository,
  personRecords: PersonRecordsRepository,
  planReading: PlanReadingRepository,
  plans: PlansRepository,
  rapidAssessmentTeams: RapidAssessmentTeamsRepository,
  referralReading: ReferralReadingRepository,
  referrals: ReferralsRepository,
  seatCandidates: SeatCandidatesRepository,
  taskForces: TaskForcesRepository,
  tipReading: TipReadingRepository,
  users: UsersRepository,
  workQueues: WorkQueuesRepository,
} as const;

export type Repositories = RepositoriesOf<typeof REPOSITORIES>;

/** The repositories of one unit of work, bound to its transaction and caller, built lazily. */
export function repositoriesFor(scope: Scope): Repositories {
  return lazyRepositories(scope, REPOSITORIES);
}
