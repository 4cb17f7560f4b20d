import type { Kysely } from "kysely";
import type { AppContext } from "../../context.ts";
import type { Database } from "../../db/schema.ts";
import { lazyRepositories, type RepositoriesOf } from "../lazy.ts";
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

const ACCOUNT_REPOSITORIES = {
  agencies: AgenciesRepository,
  apiTokens: ApiTokensRepository,
  directory: DirectoryRepository,
  memberships: MembershipsRepository,
  roleGrants: RoleGrantsRepository,
  secondFactors: SecondFactorsRepository,
  sessions: SessionsRepository,
  signInFailures: SignInFailuresRepository,
  users: UsersRepository,
} as const;

export type AccountRepositories = RepositoriesOf<typeof ACCOUNT_REPOSITORIES>;

/**
 * The account repositories, for work without a caller: the operator's units, the security
 * events of signing in and out, and resolving the caller of a request. Built lazily, like the
 * caller's repositories (`repositories/bound.ts`, which offers the same classes to a unit).
 */
export function accountRepositoriesFor(scope: AccountScope): AccountRepositories {
  return lazyRepositories(scope, ACCOUNT_REPOSITORIES);
}

/** The account repositories on `trx` (a unit's transaction, or the database itself) at `now`. */
export function accountRepositoriesOn(
  trx: Kysely<Database>,
  ctx: Pick<AppContext, "clock" | "keyring">,
  now: Date = ctx.clock.now(),
): AccountRepositories {
  return accountRepositoriesFor({
    trx,
    keyring: ctx.keyring,
    clock: ctx.clock,
    now,
    nowIso: now.toISOString(),
  });
}

/**
 * Account repositories on the database itself, outside any transaction: for the reads that
 * run on every request (resolving its caller) or before a sign-in step's own transaction, which
 * must not take SQLite's write lock. Each statement commits on its own.
 */
export function accountsOutsideUnit(ctx: Pick<AppContext, "db" | "clock" | "keyring">) {
  return accountRepositoriesOn(ctx.db.kysely, ctx);
}
