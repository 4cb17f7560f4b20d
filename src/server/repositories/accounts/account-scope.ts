import type { Kysely } from "kysely";
import type { Clock } from "../../clock.ts";
import type { Database } from "../../db/schema.ts";
import type { Keyring } from "../../security/keyring.ts";

/**
 * What account repositories are built from. Unlike case data, accounts are reached without a
 * caller as often as with one: by the operator's command line, by sign-in before anyone is
 * signed in, and by resolving the caller of every request. So there is no actor here, and the
 * connection is the unit's transaction when there is one, or the database itself for the
 * per-request reads that must not take a write lock (a unit's `Scope` fits this type).
 */
export interface AccountScope {
  readonly trx: Kysely<Database>;
  readonly keyring: Keyring;
  readonly clock: Clock;
  readonly now: Date;
  readonly nowIso: string;
}
