import type { PlanItemInput } from "../../../contract/case-file/inputs.ts";
import { planContentVisible, planItemVisible } from "../../access/policy.ts";
import { newId } from "../../ids.ts";
import { meetObligation } from "../obligations/obligations.ts";
import type { Scope } from "../scope.ts";
import { sealText } from "../sealed-text.ts";

/** What changing an item came to: changed, not there for the caller, or changed by someone else. */
/** `ends_before_start`: the new end date is before the item's start date (nothing is written). */
export type ItemUpdate = "updated" | "missing" | "stale" | "ends_before_start";

/**
 * Service plans and their items, as the caller writes them: needs, goals and services sealed at
 * rest; a plan or item is reached only through the policy's filters (another victim-services
 * agency's plan, without the person's consent, is not there for the caller).
 */
export class PlansRepository {
  constructor(private readonly s: Scope) {}

  /** Starts a plan written by the caller's agency, active, at version 1. */
  async create(plan: { caseId: string; personId: string; kind: string }): Promise<string> {
    const id = newId();
    await this.s.trx
      .insertInto("service_plans")
      .values({
        id,
        case_id: plan.caseId,
        person_id: plan.personId,
        kind: plan.kind,
        status: "active",
        agency_id: this.s.actor.agencyId,
        created_by_user_id: this.s.actor.userId,
        created_at: this.s.nowIso,
        updated_at: this.s.nowIso,
        version: 1,
      })
      .execute();
    return id;
  }

  /** Adds an item to a plan (its need, goal and service sealed). */
  async addItem(planId: string, item: PlanItemInput): Promise<string> {
    const id = newId();
    const k = this.s.keyring;
    await this.s.trx
      .insertInto("plan_items")
      .values({
        id,
        plan_id: planId,
        domain: item.domain,
        need: sealText(k, "plan_items", "need", id, item.need),
        goal: item.goal ? sealText(k, "plan_items", "goal", id, item.goal) : null,
        service: sealText(k, "plan_items", "service", id, item.service),
        provider_agency_id: item.providerAgencyId ?? null,
        starts_on: item.startsOn ?? null,
        ends_on: item.endsOn ?? null,
        status: item.status,
        created_at: this.s.nowIso,
        updated_at: this.s.nowIso,
        version: 1,
      })
      .execute();
    return id;
  }

  /**
   * The plan, if the caller may read and write it (its case is checked after: an unknown plan
   * and one the caller may not read give the same answer).
   */
  findWritable(planId: string) {
    return this.s.trx
      .selectFrom("service_plans")
      .select(["id", "case_id as caseId", "kind"])
      .where("id", "=", planId)
      .where(planContentVisible(this.s.actor, this.s.nowIso))
      .executeTakeFirst();
  }

  /**
   * Moves an item along if it is still at `version`. An item the caller may not read is
   * answered as one that does not exist.
   */
  async updateItem(
    planId: string,
    itemId: string,
    change: { version: number; status: string; endsOn?: string | undefined },
  ): Promise<ItemUpdate> {
    const visible = planItemVisible(this.s.actor, this.s.nowIso);
    const result = await this.s.trx
      .updateTable("plan_items")
      .set({
        status: change.status,
        ...(change.endsOn ? { ends_on: change.endsOn } : {}),
        updated_at: this.s.nowIso,
        version: change.version + 1,
      })
      .where("id", "=", itemId)
      .where("plan_id", "=", planId)
      .where("version", "=", change.version)
      .where(visible)
      .$if(change.endsOn !== undefined, (q) =>
        q.where((eb) =>
          eb.or([eb("starts_on", "is", null), eb("starts_on", "<=", change.endsOn as string)]),
        ),
      )
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) > 0) return "updated";
    const exists = await this.s.trx
      .selectFrom("plan_items")
      .select(["id", "starts_on"])
      .where("id", "=", itemId)
      .where("plan_id", "=", planId)
      .where(visible)
      .executeTakeFirst();
    if (!exists) return "missing";
    if (change.endsOn && exists.starts_on !== null && change.endsOn < exists.starts_on)
      return "ends_before_start";
    return "stale";
  }

  /** CPS's specialized plan meets the case's `cps_specialized_plan` obligation (HB 571). */
  meetSpecializedPlanObligation(caseId: string, planId: string): Promise<void> {
    return meetObligation(this.s.trx, {
      keyring: this.s.keyring,
      caseId,
      actionId: "cps_specialized_plan",
      userId: this.s.actor.userId,
      nowIso: this.s.nowIso,
      evidence: { planId, recordedBy: this.s.actor.userId },
    });
  }
}
