import { AgenciesRepository } from "./accounts/agencies.ts";
import { ApiTokensRepository } from "./accounts/api-tokens.ts";
import { DirectoryRepository } from "./accounts/directory.ts";
import { MembershipsRepository } from "./accounts/memberships.ts";
import { UsersRepository } from "./accounts/users.ts";
import { AuditTrailRepository } from "./audit/audit-trail.ts";
import { CaseEventsRepository } from "./case-file/case-events.ts";
import { NotesRepository } from "./case-file/notes.ts";
import { CasePeopleRepository } from "./cases/case-people.ts";
import { CasesRepository } from "./cases/cases.ts";
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
    get agencies() {
      return once("agencies", () => new AgenciesRepository(scope));
    },
    get apiTokens() {
      return once("apiTokens", () => new ApiTokensRepository(scope));
    },
    get auditTrail() {
      return once("auditTrail", () => new AuditTrailRepository(scope));
    },
    get cases() {
      return once("cases", () => new CasesRepository(scope));
    },
    get directory() {
      return once("directory", () => new DirectoryRepository(scope));
    },
    get events() {
      return once("events", () => new CaseEventsRepository(scope));
    },
    get memberships() {
      return once("memberships", () => new MembershipsRepository(scope));
    },
    get notes() {
      return once("notes", () => new NotesRepository(scope));
    },
    get people() {
      return once("people", () => new CasePeopleRepository(scope));
    },
    get users() {
      return once("users", () => new UsersRepository(scope));
    },
  };
}

export type Repositories = ReturnType<typeof repositoriesFor>;
