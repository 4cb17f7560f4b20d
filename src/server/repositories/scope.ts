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

/**
 * The scope of work no signed-in person asked for: a tip from the public help page, a deadline
 * job, a loader. There is no caller, so there is no scope to filter by: only repositories that
 * write what such work does, or read what a job was scheduled for, are built from it
 * (repositories/without-caller.ts), and what they write is attributed to nobody.
 */
export interface SystemScope extends Omit<Scope, "actor"> {
  readonly actor: null;
}

/** Repositories that write on behalf of whoever acts, a person or nobody, take either scope. */
export type ActingScope = Scope | SystemScope;
