import type { Kysely, Transaction } from "kysely";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/database.ts";
import type { Database, JobsTable } from "../db/schema.ts";
import { newId } from "../ids.ts";

/**
 * A durable job queue in the database. A worker leases due jobs (PostgreSQL: FOR UPDATE SKIP
 * LOCKED, so two processes never take the same job; SQLite: one writer at a time), runs them and
 * marks them done. A worker that dies leaves its lease to expire, and the job runs again
 * elsewhere: nothing is lost across a restart (at-least-once, with the lease making a double
 * run rare; handlers are written to be safe to repeat).
 */
export type Job = Pick<JobsTable, "id" | "kind" | "payload" | "attempts" | "run_at">;

export const LEASE_MS = 5 * 60_000;

export interface NewJob {
  kind: string;
  dedupeKey: string;
  runAt: string;
  payload: object;
  now: string;
}

/** Schedules jobs in one statement; a job whose dedupe key exists already is left as it is. */
export async function scheduleJobs(
  trx: Kysely<Database> | Transaction<Database>,
  jobs: NewJob[],
): Promise<void> {
  if (jobs.length === 0) return;
  await trx
    .insertInto("jobs")
    .values(
      jobs.map((job) => ({
        id: newId(),
        kind: job.kind,
        dedupe_key: job.dedupeKey,
        run_at: job.runAt,
        payload: JSON.stringify(job.payload),
        status: "pending",
        lease_owner: null,
        lease_expires_at: null,
        attempts: 0,
        last_error: null,
        created_at: job.now,
        done_at: null,
      })),
    )
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .execute();
}

/** Leases up to `limit` jobs that are due (or whose lease expired) for `owner`. */
export async function leaseDueJobs(
  db: Db,
  clock: Clock,
  owner: string,
  limit: number,
): Promise<Job[]> {
  const now = clock.now();
  const nowIso = now.toISOString();
  const leaseUntil = new Date(now.getTime() + LEASE_MS).toISOString();
  return db.transact(async (trx) => {
    let due = trx
      .selectFrom("jobs")
      .select("id")
      .where((eb) =>
        eb.or([
          eb.and([eb("status", "=", "pending"), eb("run_at", "<=", nowIso)]),
          eb.and([eb("status", "=", "running"), eb("lease_expires_at", "<", nowIso)]),
        ]),
      )
      .orderBy("run_at")
      .limit(limit);
    if (db.dialect === "postgres") due = due.forUpdate().skipLocked();
    const ids = (await due.execute()).map((r) => r.id);
    if (ids.length === 0) return [];
    return trx
      .updateTable("jobs")
      .set((eb) => ({
        status: "running",
        lease_owner: owner,
        lease_expires_at: leaseUntil,
        attempts: eb("attempts", "+", 1),
      }))
      .where("id", "in", ids)
      .returning(["id", "kind", "payload", "attempts", "run_at"])
      .execute();
  });
}

export async function completeJob(db: Db, clock: Clock, id: string, owner: string): Promise<void> {
  await db.kysely
    .updateTable("jobs")
    .set({
      status: "done",
      done_at: clock.now().toISOString(),
      lease_owner: null,
      lease_expires_at: null,
    })
    .where("id", "=", id)
    .where("lease_owner", "=", owner)
    .execute();
}

const MAX_ATTEMPTS = 5;

/** A failed job is retried later with backoff, then parked as failed for a person to look at. */
export async function failJob(
  db: Db,
  clock: Clock,
  id: string,
  owner: string,
  attempts: number,
  error: string,
): Promise<void> {
  const retryAt = new Date(clock.now().getTime() + 2 ** attempts * 60_000).toISOString();
  await db.kysely
    .updateTable("jobs")
    .set({
      status: attempts >= MAX_ATTEMPTS ? "failed" : "pending",
      run_at: retryAt,
      last_error: error.slice(0, 500),
      lease_owner: null,
      lease_expires_at: null,
    })
    .where("id", "=", id)
    .where("lease_owner", "=", owner)
    .execute();
}
