import { CaseEventsRepository } from "./case-file/case-events.ts";
import { ConsentsRepository } from "./case-file/consents.ts";
import { NotesRepository } from "./case-file/notes.ts";
import { PlansRepository } from "./case-file/plans.ts";
import { ReferralsRepository } from "./case-file/referrals.ts";
import { CasePeopleRepository } from "./cases/case-people.ts";
import { CasesRepository } from "./cases/cases.ts";
import { NotificationsRepository } from "./coordination/notifications.ts";
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
    get cases() {
      return once("cases", () => new CasesRepository(scope));
    },
    get consents() {
      return once("consents", () => new ConsentsRepository(scope));
    },
    get events() {
      return once("events", () => new CaseEventsRepository(scope));
    },
    get notes() {
      return once("notes", () => new NotesRepository(scope));
    },
    get notifications() {
      return once("notifications", () => new NotificationsRepository(scope));
    },
    get people() {
      return once("people", () => new CasePeopleRepository(scope));
    },
    get plans() {
      return once("plans", () => new PlansRepository(scope));
    },
    get referrals() {
      return once("referrals", () => new ReferralsRepository(scope));
    },
  };
}

export type Repositories = ReturnType<typeof repositoriesFor>;
