import type { Expression, Kysely, SqlBool, Transaction } from "kysely";
import type { Database, NewCase } from "../db/schema.ts";
import { newId } from "../ids.ts";

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Storage of cases, their people and their timeline. Access scoping is added by the policy layer
 * that wraps these functions (issue 4); nothing here is reachable from a route without it.
 */
export async function insertCase(trx: Executor, row: NewCase): Promise<void> {
  await trx.insertInto("cases").values(row).execute();
}

/** Records a timeline event can be about; the timeline shows it only to who may see the record. */
export type CaseEventRecordType = "note" | "document" | "plan" | "plan_item" | "referral";

export async function appendCaseEvent(
  trx: Executor,
  event: {
    caseId: string;
    kind: string;
    occurredAt: string;
    actorUserId?: string | null;
    data?: object;
    /** The record the event is about, when seeing it depends on seeing that record. */
    record?: { type: CaseEventRecordType; id: string };
  },
): Promise<string> {
  const id = newId();
  await trx
    .insertInto("case_events")
    .values({
      id,
      case_id: event.caseId,
      kind: event.kind,
      occurred_at: event.occurredAt,
      actor_user_id: event.actorUserId ?? null,
      data: JSON.stringify(event.data ?? {}),
      record_type: event.record?.type ?? null,
      record_id: event.record?.id ?? null,
    })
    .execute();
  return id;
}

/**
 * The case's events, oldest first, that pass `visible`: for a reader, the access policy's
 * `caseEventVisible` (required, so no caller forgets the filter).
 */
export async function listCaseEvents(db: Executor, caseId: string, visible: Expression<SqlBool>) {
  const rows = await db
    .selectFrom("case_events")
    .selectAll()
    .where("case_id", "=", caseId)
    .where(visible)
    .orderBy("occurred_at")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ ...r, data: JSON.parse(r.data) as Record<string, unknown> }));
}
