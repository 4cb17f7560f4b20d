import type { Transaction } from "kysely";
import type { Assessment } from "../../domain/assessment/engine.ts";
import type { Facts } from "../../domain/assessment/facts.ts";
import { deadlineEvents, type ObligationPlan } from "../../domain/obligations.ts";
import type { Database } from "../db/schema.ts";
import { newId } from "../ids.ts";
import { scheduleJobs } from "../jobs/job-queue.ts";
import type { Keyring } from "../security/keyring.ts";
import { sealJson } from "./sealed-text.ts";

/** Stores an assessment with its engine version and facts, so a result can be re-explained. */
export async function insertAssessment(
  trx: Transaction<Database>,
  a: {
    keyring: Keyring;
    caseId: string;
    facts: Facts;
    assessment: Assessment;
    now: string;
    userId: string | null;
  },
): Promise<void> {
  const id = newId();
  await trx
    .insertInto("assessments")
    .values({
      id,
      case_id: a.caseId,
      engine_version: a.assessment.engineVersion,
      // Facts may carry free text (the labor sector, which can name a business or a place).
      facts: sealJson(a.keyring, "assessments", "facts", id, a.facts),
      determination: a.assessment.determination,
      result: JSON.stringify({
        actions: a.assessment.actions,
        offenses: a.assessment.offenses,
        nibrs: a.assessment.nibrs,
      }),
      created_at: a.now,
      created_by_user_id: a.userId,
    })
    .execute();
}

/**
 * Creates obligations and starts their clocks: reminders and escalations are scheduled as jobs
 * in the same transaction, so they survive restarts.
 */
export async function insertObligations(
  trx: Transaction<Database>,
  o: {
    caseId: string;
    plans: ObligationPlan[];
    receivedAt: string;
    now: string;
    reporterUserId: string | null;
  },
): Promise<string[]> {
  if (o.plans.length === 0) return [];
  const rows = o.plans.map((p) => ({ ...p, id: newId() }));
  await trx
    .insertInto("obligations")
    .values(
      rows.map((p) => ({
        id: p.id,
        case_id: o.caseId,
        action_id: p.actionId,
        owner_role: p.owner,
        owner_user_id: p.owner === "reporter" ? o.reporterUserId : null,
        status: "open",
        due_at: p.dueAt,
        created_at: o.now,
        closed_at: null,
        closed_by_user_id: null,
        evidence: null,
        reason: null,
        version: 1,
      })),
    )
    .execute();
  await scheduleJobs(
    trx,
    rows.flatMap((row) =>
      row.dueAt === null
        ? []
        : deadlineEvents(new Date(o.receivedAt), new Date(row.dueAt)).map((event) => ({
            kind: event.kind,
            dedupeKey: `${event.kind === "obligation.reminder" ? `${event.kind}.${event.percent}` : event.kind}:${row.id}`,
            runAt: event.at,
            payload: {
              obligationId: row.id,
              ...(event.kind === "obligation.reminder" ? { percent: event.percent } : {}),
            },
            now: o.now,
          })),
    ),
  );
  return rows.map((r) => r.id);
}

/**
 * Marks a case's open obligation for an action as met by something Waypoint itself saw happen
 * (the team formed, the plan written), with that record as its evidence.
 */
export async function meetObligation(
  trx: Transaction<Database>,
  met: {
    keyring: Keyring;
    caseId: string;
    actionId: string;
    userId: string;
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
}
