import { caseEventVisible } from "../../access/policy.ts";
import { newId } from "../../ids.ts";
import type { Scope } from "../scope.ts";

/** Records a timeline event can be about; the timeline shows it only to who may see the record. */
export type CaseEventRecordType = "note" | "document" | "plan" | "plan_item" | "referral";

export interface NewCaseEvent {
  caseId: string;
  kind: string;
  /** Non-identifying data only (ids, codes, counts). */
  data?: object;
  /** The record the event is about, when seeing it depends on seeing that record. */
  record?: { type: CaseEventRecordType; id: string };
}

/** A case's timeline: events appended by the caller's work, read through the policy's filter. */
export class CaseEventsRepository {
  constructor(private readonly s: Scope) {}

  /** Appends an event by the caller, at the unit's time. */
  async append(event: NewCaseEvent): Promise<string> {
    const id = newId();
    await this.s.trx
      .insertInto("case_events")
      .values({
        id,
        case_id: event.caseId,
        kind: event.kind,
        occurred_at: this.s.nowIso,
        actor_user_id: this.s.actor.userId,
        data: JSON.stringify(event.data ?? {}),
        record_type: event.record?.type ?? null,
        record_id: event.record?.id ?? null,
      })
      .execute();
    return id;
  }

  /** The case's events the caller may see, oldest first, with the acting person's name. */
  async listVisible(caseId: string) {
    const rows = await this.s.trx
      .selectFrom("case_events")
      .leftJoin("users", "users.id", "case_events.actor_user_id")
      .selectAll("case_events")
      .select("users.display_name as actor_name")
      .where("case_events.case_id", "=", caseId)
      .where(caseEventVisible(this.s.actor, this.s.nowIso))
      .orderBy("case_events.occurred_at")
      .orderBy("case_events.id")
      .execute();
    return rows.map((r) => ({ ...r, data: JSON.parse(r.data) as Record<string, unknown> }));
  }
}
