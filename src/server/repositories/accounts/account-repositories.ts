import type { AppContext } from "../../context.ts";
import type { AccountScope } from "./account-scope.ts";
import { AgenciesRepository } from "./agencies.ts";
import { ApiTokensRepository } from "./api-tokens.ts";
import { DirectoryRepository } from "./directory.ts";
import { MembershipsRepository } from "./memberships.ts";
import { RoleGrantsRepository } from "./role-grants.ts";
import { SecondFactorsRepository } from "./second-factors.ts";
import { SessionsRepository } from "./sessions.ts";
import { SignInFailuresRepository } from "./sign-in-failures.ts";
import { UsersRepository } from "./users.ts";

/**
 * The account repositories, for work without a caller: the operator's units, the security
 * events of signing in and out, and resolving the caller of a request. Built lazily, like the
 * caller's repositories (`repositories/bound.ts`, which offers the same classes to a unit).
 */
export function accountRepositoriesFor(scope: AccountScope) {
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
    get directory() {
      return once("directory", () => new DirectoryRepository(scope));
    },
    get memberships() {
      return once("memberships", () => new MembershipsRepository(scope));
    },
    get roleGrants() {
      return once("roleGrants", () => new RoleGrantsRepository(scope));
    },
    get secondFactors() {
      return once("secondFactors", () => new SecondFactorsRepository(scope));
    },
    get sessions() {
      return once("sessions", () => new SessionsRepository(scope));
    },
    get signInFailures() {
      return once("signInFailures", () => new SignInFailuresRepository(scope));
    },
    get users() {
      return once("users", () => new UsersRepository(scope));
    },
  };
}

export type AccountRepositories = ReturnType<typeof accountRepositoriesFor>;

/**
 * Account repositories on the database itself, outside any transaction: for the reads that
 * run on every request (resolving its caller) or before a sign-in step's own transaction, which
 * must not take SQLite's write lock. Each statement commits on its own.
 */
export function accountsOutsideUnit(ctx: Pick<AppContext, "db" | "clock" | "keyring">) {
  const now = ctx.clock.now();
  return accountRepositoriesFor({
    trx: ctx.db.kysely,
    keyring: ctx.keyring,
    clock: ctx.clock,
    now,
    nowIso: now.toISOString(),
  });
}
