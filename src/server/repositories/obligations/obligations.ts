import type { Transaction } from "kysely";
import type { CloseObligationInput } from "../../../contract/obligations/inputs.ts";
import { deadlineEvents, type ObligationPlan } from "../../../domain/obligations.ts";
import { caseInScope } from "../../access/policy.ts";
import type { Database } from "../../db/schema.ts";
import { newId } from "../../ids.ts";
import { scheduleJobs } from "../../jobs/job-queue.ts";
import type { Keyring } from "../../security/keyring.ts";
import { refreshCaseUrgency } from "../cases/urgency.ts";
import type { ActingScope } from "../scope.ts";
import { sealJson, sealOptional, sealText } from "../sealed-text.ts";

/**
 * A case's obligations: created with their clocks, met, closed, retired. Writes are attributed
 * to the caller, or to nobody for work no person asked for (a public tip's obligations).
 */
export class ObligationsRepository {
  constructor(private readonly s: ActingScope) {}

  /**
   * Creates the case's obligations and starts their clocks: reminders and escalations are
   * scheduled as jobs in the same transaction, so they survive restarts. A duty the law puts on
   * the reporter is owned by the caller (nobody, for a public tip: it stays with the role).
   */
  async plan(caseId: string, plans: ObligationPlan[], receivedAt: string): Promise<string[]> {
    if (plans.length === 0) return [];
    const now = this.s.nowIso;
    const rows = plans.map((p) => ({ ...p, id: newId() }));
    // The case's holding agency now: routing or a transfer later moves the queues with it.
    const { agency_id: holder } = await this.s.trx
      .selectFrom("cases")
      .select("agency_id")
      .where("id", "=", caseId)
      .executeTakeFirstOrThrow();
    await this.s.trx
      .insertInto("obligations")
      .values(
        rows.map((p) => ({
          id: p.id,
          case_id: caseId,
          action_id: p.actionId,
          owner_role: p.owner,
          owner_user_id: p.owner === "reporter" ? (this.s.actor?.userId ?? null) : null,
          queue_agency_id: holder,
          status: "open",
          due_at: p.dueAt,
          created_at: now,
          closed_at: null,
          closed_by_user_id: null,
          evidence: null,
          reason: null,
          version: 1,
        })),
      )
      .execute();
    await scheduleJobs(
      this.s.trx,
      rows.flatMap((row) =>
        row.dueAt === null
          ? []
          : deadlineEvents(new Date(receivedAt), new Date(row.dueAt)).map((event) => ({
              kind: event.kind,
              dedupeKey: `${event.kind === "obligation.reminder" ? `${event.kind}.${event.percent}` : event.kind}:${row.id}`,
              runAt: event.at,
              payload: {
                obligationId: row.id,
                ...(event.kind === "obligation.reminder" ? { percent: event.percent } : {}),
              },
              now,
            })),
      ),
    );
    await refreshCaseUrgency(this.s.trx, { caseId });
    return rows.map((r) => r.id);
  }

  /**
   * The obligation, if it is on a case within the caller's scope (out of scope reads like
   * nonexistent). Work without a caller reaches no case by scope, so it finds none.
   */
  findInScope(obligationId: string) {
    const actor = this.s.actor;
    if (!actor) return Promise.resolve(undefined);
    return this.s.trx
      .selectFrom("obligations")
      .innerJoin("cases", "cases.id", "obligations.case_id")
      .select([
        "obligations.id",
        "obligations.case_id",
        "obligations.action_id",
        "cases.status as case_status",
        "obligations.owner_user_id",
        "obligations.owner_role",
        "obligations.status",
        "obligations.version",
        "cases.agency_id",
        "cases.case_number",
      ])
      .where("obligations.id", "=", obligationId)
      .where(caseInScope(actor, this.s.nowIso))
      .executeTakeFirst();
  }

  /** The case's obligations still open or done (a case the unit already found in scope). */
  listStanding(caseId: string) {
    return this.s.trx
      .selectFrom("obligations")
      .select(["id", "action_id", "status", "version"])
      .where("case_id", "=", caseId)
      .where("status", "in", ["open", "done"])
      .execute();
  }

  /** Whether the caller owns one of the case's open obligations by name. */
  async callerOwnsOpenOn(caseId: string): Promise<boolean> {
    if (!this.s.actor) return false;
    const row = await this.s.trx
      .selectFrom("obligations")
      .select("id")
      .where("case_id", "=", caseId)
      .where("status", "=", "open")
      .where("owner_user_id", "=", this.s.actor.userId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * Records that an open obligation was met (its evidence sealed, with who recorded it) or does
   * not apply (its reason sealed), if it is still at `version` and open. False when someone
   * changed it meanwhile; nothing is written then.
   */
  async close(obligationId: string, input: CloseObligationInput): Promise<boolean> {
    const keyring = this.s.keyring;
    const by = this.s.actor?.userId ?? null;
    const result = await this.s.trx
      .updateTable("obligations")
      .set({
        status: input.status,
        closed_at: this.s.nowIso,
        closed_by_user_id: by,
        reason: sealOptional(keyring, "obligations", "reason", obligationId, input.reason),
        evidence: input.evidence
          ? sealJson(keyring, "obligations", "evidence", obligationId, {
              ...input.evidence,
              recordedBy: by,
            })
          : null,
        version: input.version + 1,
      })
      .where("id", "=", obligationId)
      .where("version", "=", input.version)
      .where("status", "=", "open")
      .executeTakeFirst();
    const closed = Number(result.numUpdatedRows) > 0;
    if (closed) await refreshCaseUrgency(this.s.trx, { obligationId });
    return closed;
  }

  /** Retires an open obligation a new assessment no longer requires, with the reason sealed. */
  async retire(o: { id: string; version: number | string }, reason: string): Promise<void> {
    await this.s.trx
      .updateTable("obligations")
      .set({
        status: "not_applicable",
        reason: sealText(this.s.keyring, "obligations", "reason", o.id, reason),
        closed_at: this.s.nowIso,
        closed_by_user_id: this.s.actor?.userId ?? null,
        version: Number(o.version) + 1,
      })
      .where("id", "=", o.id)
      .execute();
    await refreshCaseUrgency(this.s.trx, { obligationId: o.id });
  }

  /**
   * Marks the case's open obligation for an action as met by something Waypoint itself saw
   * happen (the team formed, the plan written), with that record as its evidence.
   */
  async meet(caseId: string, actionId: string, evidence: object): Promise<void> {
    await meetObligation(this.s.trx, {
      keyring: this.s.keyring,
      caseId,
      actionId,
      userId: this.s.actor?.userId ?? null,
      nowIso: this.s.nowIso,
      evidence,
    });
  }
}

/**
 * `meet`, for callers not yet on the unit of work (the service plan and the team's seats, which
 * hold their own transaction); they move to `w.repos.obligations.meet` with their use cases.
 */
export async function meetObligation(
  trx: Transaction<Database>,
  met: {
    keyring: Keyring;
    caseId: string;
    actionId: string;
    userId: string | null;
    nowIso: string;
    evidence: object;
  },
): Promise<void> {
  // Evidence is sealed per row (its id is in the binding), so the open rows are found first.
  const open = await trx
    .selectFrom("obligations")
    .select("id")
    .where("case_id", "=", met.caseId)
    .where("action_id", "=", met.actionId)
    .where("status", "=", "open")
    .execute();
  for (const { id } of open) {
    await trx
      .updateTable("obligations")
      .set((eb) => ({
        status: "done",
        closed_at: met.nowIso,
        closed_by_user_id: met.userId,
        evidence: sealJson(met.keyring, "obligations", "evidence", id, met.evidence),
        version: eb("version", "+", 1),
      }))
      .where("id", "=", id)
      .where("status", "=", "open")
      .execute();
  }
  if (open.length > 0) await refreshCaseUrgency(trx, { caseId: met.caseId });
}
