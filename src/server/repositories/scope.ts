import type { Transaction } from "kysely";
import type { Actor } from "../access/actor.ts";
import type { Clock } from "../clock.ts";
import type { Database } from "../db/schema.ts";
import type { Keyring } from "../security/keyring.ts";

/**
 * What every repository bound to a caller is built from: the unit of work's one transaction,
 * the caller (whose scope and disclosure rules the repository applies in its SQL), the key
 * ring that seals and opens free text, and the unit's one "now" (so every check and every row
 * of a request agrees on the time).
 */
export interface Scope {
  readonly trx: Transaction<Database>;
  readonly actor: Actor;
  readonly keyring: Keyring;
  readonly clock: Clock;
  readonly now: Date;
  readonly nowIso: string;
}
