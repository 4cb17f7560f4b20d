import type { Transaction } from "kysely";
import { z } from "zod";
import {
  PLAN_DOMAIN_IDS,
  PLAN_ITEM_STATUSES,
  PLAN_KINDS,
  type PlanDomain,
  SPECIALIZED_PLAN_CITATION,
} from "../../domain/coordination/service-plan.ts";
import { isMinorAge } from "../../domain/minor.ts";
import { type Actor, auditContextFor } from "../access/actor.ts";
import { planContentVisible, planItemVisible } from "../access/policy.ts";
import { appendAudit } from "../audit/audit-log.ts";
import { denied } from "../audit/record-denial.ts";
import type { AppContext } from "../context.ts";
import type { Database } from "../db/schema.ts";
import { AppError, badRequest, conflict, notFound } from "../errors.ts";
import { newId } from "../ids.ts";
import { caseForAction } from "../repositories/case-access.ts";
import { personOnCase } from "../repositories/case-persons.ts";
import { appendCaseEvent } from "../repositories/cases.ts";
import { meetObligation } from "../repositories/obligations.ts";
import { sealText } from "../repositories/sealed-text.ts";

export const planItemInput = z.strictObject({
  domain: z.enum(PLAN_DOMAIN_IDS as [PlanDomain, ...PlanDomain[]]),
  need: z.string().trim().min(1).max(2000),
  goal: z.string().trim().min(1).max(2000).optional(),
  service: z.string().trim().min(1).max(200),
  providerAgencyId: z.string().min(1).max(100).optional(),
  startsOn: z.iso.date().optional(),
  endsOn: z.iso.date().optional(),
  status: z.enum(PLAN_ITEM_STATUSES).default("planned"),
});

export const createPlanInput = z.strictObject({
  personId: z.string().min(1).max(100),
  kind: z.enum(PLAN_KINDS).default("service_plan"),
  items: z.array(planItemInput).max(100).default([]),
});

export const updatePlanItemInput = z.strictObject({
  version: z.number().int().min(1),
  status: z.enum(PLAN_ITEM_STATUSES),
  endsOn: z.iso.date().optional(),
});

type Trx = Transaction<Database>;

async function insertItem(
  trx: Trx,
  ctx: AppContext,
  planId: string,
  item: z.output<typeof planItemInput>,
  nowIso: string,
): Promise<string> {
  const id = newId();
  await trx
    .insertInto("plan_items")
    .values({
      id,
      plan_id: planId,
      domain: item.domain,
      need: sealText(ctx.keyring, "plan_items", "need", id, item.need),
      goal: item.goal ? sealText(ctx.keyring, "plan_items", "goal", id, item.goal) : null,
      service: sealText(ctx.keyring, "plan_items", "service", id, item.service),
      provider_agency_id: item.providerAgencyId ?? null,
      starts_on: item.startsOn ?? null,
      ends_on: item.endsOn ?? null,
      status: item.status,
      created_at: nowIso,
      updated_at: nowIso,
      version: 1,
    })
    .execute();
  return id;
}

/**
 * Starts a victim's service plan, or CPS's specialized plan for a minor victim (HB 571), which
 * meets the case's `cps_specialized_plan` obligation when it is made.
 */
export async function createServicePlan(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  raw: z.input<typeof createPlanInput>,
): Promise<{ id: string; itemIds: string[] }> {
  const input = createPlanInput.parse(raw);
  const specialized = input.kind === "cps_specialized_plan";
  await caseForAction(
    ctx,
    ctx.db.kysely,
    actor,
    caseId,
    "plan.create",
    specialized ? "writeSpecializedPlan" : "editPlan",
  );
  const nowIso = ctx.clock.now().toISOString();
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const person = await personOnCase(trx, caseId, input.personId, "personId");
    if (person.part !== "victim") throw badRequest("Plans are made for victims.", "personId");
    if (specialized && !isMinorAge(person.age_years))
      throw new AppError(
        "not_a_minor",
        `The specialized plan of ${SPECIALIZED_PLAN_CITATION} is for a minor victim.`,
        "kind",
      );
    for (const [i, item] of input.items.entries()) await checkProvider(trx, item, `items.${i}`);
    const id = newId();
    await trx
      .insertInto("service_plans")
      .values({
        id,
        case_id: caseId,
        person_id: input.personId,
        kind: input.kind,
        status: "active",
        agency_id: actor.agencyId,
        created_by_user_id: actor.userId,
        created_at: nowIso,
        updated_at: nowIso,
        version: 1,
      })
      .execute();
    const itemIds: string[] = [];
    for (const item of input.items) itemIds.push(await insertItem(trx, ctx, id, item, nowIso));
    if (specialized)
      await meetObligation(trx, {
        keyring: ctx.keyring,
        caseId,
        actionId: "cps_specialized_plan",
        userId: actor.userId,
        nowIso,
        evidence: { planId: id, recordedBy: actor.userId },
      });
    await appendCaseEvent(trx, {
      caseId,
      kind: "plan_created",
      occurredAt: nowIso,
      actorUserId: actor.userId,
      data: { planId: id, kind: input.kind, items: itemIds.length },
      record: { type: "plan", id },
    });
    await appendAudit(trx, auditContextFor(actor, ctx.clock), [
      {
        action: "plan.create",
        recordType: "service_plan",
        recordId: id,
        fields: itemIds.length > 0 ? ["need", "goal"] : [],
        outcome: "allowed",
        detail: { caseId, kind: input.kind },
      },
    ]);
    return { id, itemIds };
  });
}

async function checkProvider(
  trx: Trx,
  item: { providerAgencyId?: string | undefined },
  path: string,
) {
  if (item.providerAgencyId === undefined) return;
  const agency = await trx
    .selectFrom("agencies")
    .select("id")
    .where("id", "=", item.providerAgencyId)
    .executeTakeFirst();
  if (!agency) throw badRequest("No such provider agency.", `${path}.providerAgencyId`);
}

async function planInScope(ctx: AppContext, actor: Actor, planId: string, action: string) {
  const plan = await ctx.db.kysely
    .selectFrom("service_plans")
    .select(["id", "case_id", "kind"])
    .where("id", "=", planId)
    .where(planContentVisible(actor, ctx.clock.now().toISOString()))
    .executeTakeFirst();
  // An unknown plan, a plan on a case out of scope and a plan the actor may not read (another
  // victim-services agency's, without consent) give the same answer and a denied row.
  // (The plan id is never looked up as a case id: a case's id would pass the scope check and
  // reach the plan_items foreign key.)
  if (!plan)
    throw await denied(
      ctx,
      actor,
      { action, recordType: "case", recordId: planId },
      notFound("service plan"),
    );
  const { row } = await caseForAction(
    ctx,
    ctx.db.kysely,
    actor,
    plan.case_id,
    action,
    "editPlan",
    "service plan",
  );
  return { plan, caseId: row.id };
}

export async function addPlanItem(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  raw: z.input<typeof planItemInput>,
): Promise<{ id: string }> {
  const item = planItemInput.parse(raw);
  const { caseId } = await planInScope(ctx, actor, planId, "plan.add_item");
  const nowIso = ctx.clock.now().toISOString();
  return ctx.db.kysely.transaction().execute(async (trx) => {
    await checkProvider(trx, item, "");
    const id = await insertItem(trx, ctx, planId, item, nowIso);
    await appendCaseEvent(trx, {
      caseId,
      kind: "plan_item_added",
      occurredAt: nowIso,
      actorUserId: actor.userId,
      data: { planId, itemId: id, domain: item.domain },
      record: { type: "plan_item", id },
    });
    await appendAudit(trx, auditContextFor(actor, ctx.clock), [
      {
        action: "plan.add_item",
        recordType: "plan_item",
        recordId: id,
        fields: ["need", ...(item.goal ? ["goal"] : [])],
        outcome: "allowed",
        detail: { planId },
      },
    ]);
    return { id };
  });
}

/** Moves a service along (planned → in progress → completed); a stale version answers 409. */
export async function updatePlanItem(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  itemId: string,
  raw: z.input<typeof updatePlanItemInput>,
): Promise<{ version: number }> {
  const input = updatePlanItemInput.parse(raw);
  const { caseId } = await planInScope(ctx, actor, planId, "plan.update_item");
  const nowIso = ctx.clock.now().toISOString();
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("plan_items")
      .set({
        status: input.status,
        ...(input.endsOn ? { ends_on: input.endsOn } : {}),
        updated_at: nowIso,
        version: input.version + 1,
      })
      .where("id", "=", itemId)
      .where("plan_id", "=", planId)
      .where("version", "=", input.version)
      .where(planItemVisible(actor, nowIso))
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) {
      const exists = await trx
        .selectFrom("plan_items")
        .select("id")
        .where("id", "=", itemId)
        .where("plan_id", "=", planId)
        .where(planItemVisible(actor, nowIso))
        .executeTakeFirst();
      // An item the actor may not read is answered as one that does not exist.
      if (!exists) throw badRequest("No such item on this plan.", "itemId");
      throw conflict(
        "Someone changed this service since you opened it; reload to see their change.",
      );
    }
    await appendCaseEvent(trx, {
      caseId,
      kind: "plan_item_updated",
      occurredAt: nowIso,
      actorUserId: actor.userId,
      data: { planId, itemId, status: input.status },
      record: { type: "plan_item", id: itemId },
    });
    await appendAudit(trx, auditContextFor(actor, ctx.clock), [
      {
        action: "plan.update_item",
        recordType: "plan_item",
        recordId: itemId,
        fields: ["status"],
        outcome: "allowed",
      },
    ]);
    return { version: input.version + 1 };
  });
}
