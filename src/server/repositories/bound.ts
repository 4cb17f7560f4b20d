import { CaseEventsRepository } from "./case-file/case-events.ts";
import { NotesRepository } from "./case-file/notes.ts";
import { CasePeopleRepository } from "./cases/case-people.ts";
import { CasesRepository } from "./cases/cases.ts";
import { BreakGlassNoticesRepository, BreakGlassRepository } from "./coordination/break-glass.ts";
import { CertificationsRepository } from "./coordination/certifications.ts";
import { RapidAssessmentTeamsRepository } from "./coordination/rapid-assessment-teams.ts";
import { SeatCandidatesRepository } from "./coordination/seat-candidates.ts";
import { TaskForcesRepository } from "./coordination/task-forces.ts";
import type { Scope } from "./scope.ts";

/**
 * Every repository a use case may use, bound to one unit of work's transaction and caller.
 * Built lazily: a unit pays only for the repositories it touches. Add a repository here, in
 * alphabetical order, when a feature needs a new kind of record.
 */
export function repositoriesFor(scope: Scope) {
  const made = new Map<string, unknown>();
  const once = <T>(name: string, make: () => T): T => {
    if (!made.has(name)) made.set(name, make());
    return made.get(name) as T;
  };
  return {
    get breakGlass() {
      return once("breakGlass", () => new BreakGlassRepository(scope));
    },
    get breakGlassNotices() {
      return once("breakGlassNotices", () => new BreakGlassNoticesRepository(scope));
    },
    get cases() {
      return once("cases", () => new CasesRepository(scope));
    },
    get certifications() {
      return once("certifications", () => new CertificationsRepository(scope));
    },
    get events() {
      return once("events", () => new CaseEventsRepository(scope));
    },
    get notes() {
      return once("notes", () => new NotesRepository(scope));
    },
    get people() {
      return once("people", () => new CasePeopleRepository(scope));
    },
    get rapidAssessmentTeams() {
      return once("rapidAssessmentTeams", () => new RapidAssessmentTeamsRepository(scope));
    },
    get seatCandidates() {
      return once("seatCandidates", () => new SeatCandidatesRepository(scope));
    },
    get taskForces() {
      return once("taskForces", () => new TaskForcesRepository(scope));
    },
  };
}

export type Repositories = ReturnType<typeof repositoriesFor>;
