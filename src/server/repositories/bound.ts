import { CaseEventsRepository } from "./case-file/case-events.ts";
import { NotesRepository } from "./case-file/notes.ts";
import { CasePeopleRepository } from "./cases/case-people.ts";
import { CasesRepository } from "./cases/cases.ts";
import { AssessmentsRepository } from "./intake/assessments.ts";
import { IntakeCasesRepository } from "./intake/cases.ts";
import { CpsRoutingRepository } from "./intake/cps-routing.ts";
import { ObligationsRepository } from "./obligations/obligations.ts";
import { WorkQueuesRepository } from "./obligations/work-queues.ts";
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
    get assessments() {
      return once("assessments", () => new AssessmentsRepository(scope));
    },
    get cases() {
      return once("cases", () => new CasesRepository(scope));
    },
    get cpsRouting() {
      return once("cpsRouting", () => new CpsRoutingRepository(scope));
    },
    get events() {
      return once("events", () => new CaseEventsRepository(scope));
    },
    get intake() {
      return once("intake", () => new IntakeCasesRepository(scope));
    },
    get notes() {
      return once("notes", () => new NotesRepository(scope));
    },
    get obligations() {
      return once("obligations", () => new ObligationsRepository(scope));
    },
    get people() {
      return once("people", () => new CasePeopleRepository(scope));
    },
    get workQueues() {
      return once("workQueues", () => new WorkQueuesRepository(scope));
    },
  };
}

export type Repositories = ReturnType<typeof repositoriesFor>;
