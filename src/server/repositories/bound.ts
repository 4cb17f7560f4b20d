import { CaseEventsRepository } from "./case-file/case-events.ts";
import { DocumentsRepository } from "./case-file/documents.ts";
import { NotesRepository } from "./case-file/notes.ts";
import { ObligationReadingRepository } from "./case-file/obligation-reading.ts";
import { PlanReadingRepository } from "./case-file/plan-reading.ts";
import { ReferralReadingRepository } from "./case-file/referral-reading.ts";
import { TipReadingRepository } from "./case-file/tip-reading.ts";
import { CasePeopleRepository } from "./cases/case-people.ts";
import { CaseReadingRepository } from "./cases/case-reading.ts";
import { CasesRepository } from "./cases/cases.ts";
import { CaseTeamRepository } from "./coordination/case-team.ts";
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
    get caseReading() {
      return once("caseReading", () => new CaseReadingRepository(scope));
    },
    get caseTeam() {
      return once("caseTeam", () => new CaseTeamRepository(scope));
    },
    get cases() {
      return once("cases", () => new CasesRepository(scope));
    },
    get documents() {
      return once("documents", () => new DocumentsRepository(scope));
    },
    get events() {
      return once("events", () => new CaseEventsRepository(scope));
    },
    get notes() {
      return once("notes", () => new NotesRepository(scope));
    },
    get obligationReading() {
      return once("obligationReading", () => new ObligationReadingRepository(scope));
    },
    get people() {
      return once("people", () => new CasePeopleRepository(scope));
    },
    get planReading() {
      return once("planReading", () => new PlanReadingRepository(scope));
    },
    get referralReading() {
      return once("referralReading", () => new ReferralReadingRepository(scope));
    },
    get tipReading() {
      return once("tipReading", () => new TipReadingRepository(scope));
    },
  };
}

export type Repositories = ReturnType<typeof repositoriesFor>;
