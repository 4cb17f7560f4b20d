import { AssessmentsRepository } from "./intake/assessments.ts";
import { IntakeCasesRepository } from "./intake/cases.ts";
import { CpsRoutingRepository } from "./intake/cps-routing.ts";
import { TipsRepository } from "./intake/tips.ts";
import { DeadlinesRepository } from "./obligations/deadlines.ts";
import { ObligationsRepository } from "./obligations/obligations.ts";
import type { SystemScope } from "./scope.ts";

/**
 * The repositories work without a caller may use (a public tip, a deadline job, a loader),
 * bound to its unit's transaction. Only these: none of them reads by anyone's scope, so work no
 * person asked for can write what it must without ever reading a case on someone's behalf.
 * Built lazily, like `repositoriesFor`; add a repository here, in alphabetical order.
 */
export function repositoriesWithoutCaller(scope: SystemScope) {
  const made = new Map<string, unknown>();
  const once = <T>(name: string, make: () => T): T => {
    if (!made.has(name)) made.set(name, make());
    return made.get(name) as T;
  };
  return {
    get assessments() {
      return once("assessments", () => new AssessmentsRepository(scope));
    },
    get cpsRouting() {
      return once("cpsRouting", () => new CpsRoutingRepository(scope));
    },
    get deadlines() {
      return once("deadlines", () => new DeadlinesRepository(scope));
    },
    get intake() {
      return once("intake", () => new IntakeCasesRepository(scope));
    },
    get obligations() {
      return once("obligations", () => new ObligationsRepository(scope));
    },
    get tips() {
      return once("tips", () => new TipsRepository(scope));
    },
  };
}

export type SystemRepositories = ReturnType<typeof repositoriesWithoutCaller>;
