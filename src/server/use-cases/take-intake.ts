import { randomInt } from "node:crypto";
import type { Transaction } from "kysely";
import { z } from "zod";
import { assess } from "../../domain/assessment/engine.ts";
import { factsSchema } from "../../domain/assessment/facts.ts";
import { planObligations, receivedAtProblem } from "../../domain/obligations.ts";
import { ROLE_POLICIES } from "../../domain/roles.ts";
import type { Actor } from "../access/actor.ts";
import { denied } from "../audit/record-denial.ts";
import type { AppContext } from "../context.ts";
import type { Database } from "../db/schema.ts";
import { AppError, badRequest } from "../errors.ts";
import { newId } from "../ids.ts";
import { appendCaseEvent } from "../repositories/cases.ts";
import { cpsAgencyFor } from "../repositories/cps-routing.ts";
import { insertAssessment, insertObligations } from "../repositories/obligations.ts";
import { sealText } from "../repositories/sealed-text.ts";
import { ensureAgency } from "./accounts/administration-agency.ts";
import { openCaseInput, openCaseInTransaction } from "./open-case.ts";

export const intakeInput = openCaseInput.omit({ agencyId: true, determination: true }).extend({
  facts: factsSchema.default({}),
});
export type IntakeInput = z.input<typeof intakeInput>;

export const publicTipInput = z.strictObject({
  countyFips: intakeInput.shape.countyFips,
  venue: intakeInput.shape.venue,
  facts: factsSchema.default({}),
  /** What the sender saw, in their words; stored encrypted, never logged. */
  narrative: z.string().trim().min(1).max(5000).optional(),
  /** How to reach the sender, if they want to be reached. */
  contact: z.string().trim().min(3).max(200).optional(),
});

/** Default window for the CPS specialized plan, which HB 571 requires but does not time. */
export const SPECIALIZED_PLAN_HOURS = 72;

export interface IntakeResult {
  caseId: string;
  caseNumber: string;
  determination: string;
  /** The CPS office a child's case went to, when it was taken in elsewhere. */
  routedToAgencyId: string | null;
  obligations: { actionId: string; ownerRole: string; dueAt: string | null }[];
}

/**
 * Takes a case in: the case and its people, the assessment of the facts (stored with the engine
 * version, so it can be re-explained later), and one obligation per required action with its
 * owner and clock. One transaction: a case never exists without its obligations.
 */
export async function takeIntake(
  ctx: AppContext,
  actor: Actor,
  raw: IntakeInput,
): Promise<IntakeResult> {
  const input = intakeInput.parse(raw);
  if (ROLE_POLICIES[actor.role].caseScope === "none") {
    const error = new AppError("forbidden", "Your role cannot take in cases.");
    throw await denied(ctx, actor, { action: "case.create", recordType: "case" }, error);
  }
  return ctx.db.kysely
    .transaction()
    .execute((trx) =>
      intakeIn(trx, ctx, actor, { id: actor.agencyId, kind: actor.agencyKind }, input),
    );
}

const QUEUE_NAME = "Statewide intake queue";
const QUEUE_KIND = "mbi";

/** A tip from the public help page: no login, lands in the statewide intake queue. */
export async function takePublicTip(
  ctx: AppContext,
  raw: z.input<typeof publicTipInput>,
): Promise<{ receiptCode: string }> {
  const input = publicTipInput.parse(raw);
  const queue = { id: await ensureAgency(ctx, QUEUE_NAME, QUEUE_KIND), kind: QUEUE_KIND };
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const { narrative, contact, ...tip } = input;
    const result = await intakeIn(trx, ctx, null, queue, {
      ...tip,
      source: "public_web_form",
      persons: [],
    });
    // Receipt codes are random, not derived from the case: they reveal nothing about it.
    const receiptCode = Array.from(
      { length: 10 },
      () => "ABCDEFGHJKMNPQRSTUVWXYZ23456789"[randomInt(31)],
    ).join("");
    await trx
      .insertInto("tip_receipts")
      .values({
        code: receiptCode,
        case_id: result.caseId,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    if (narrative !== undefined || contact !== undefined) {
      const seal = (column: string, v: string | undefined) =>
        v === undefined ? null : sealText(ctx.keyring, "tip_messages", column, result.caseId, v);
      await trx
        .insertInto("tip_messages")
        .values({
          case_id: result.caseId,
          narrative: seal("narrative", narrative),
          contact: seal("contact", contact),
          created_at: ctx.clock.now().toISOString(),
        })
        .execute();
    }
    return { receiptCode };
  });
}

async function intakeIn(
  trx: Transaction<Database>,
  ctx: AppContext,
  actor: Actor | null,
  intakeAgency: { id: string; kind: string },
  input: z.output<typeof intakeInput>,
): Promise<IntakeResult> {
  const agencyId = intakeAgency.id;
  // The clocks of every obligation start at receivedAt: a time ahead of ours would start them
  // late. (openCase itself takes any time: loaders and tests bring their own clocks.)
  if (input.receivedAt) {
    const problem = receivedAtProblem(new Date(input.receivedAt), ctx.clock.now());
    if (problem) throw badRequest(`receivedAt: ${problem}`, "receivedAt");
  }
  const assessment = assess(input.facts);
  const { facts, ...caseFields } = input;
  const opened = await openCaseInTransaction(
    trx,
    ctx,
    { ...caseFields, agencyId, determination: assessment.determination },
    actor,
    {
      engineVersion: assessment.engineVersion,
      determination: assessment.determination,
      obligations: assessment.actions.length,
    },
  );
  const now = ctx.clock.now();
  await insertAssessment(trx, {
    keyring: ctx.keyring,
    caseId: opened.id,
    facts,
    assessment,
    now: now.toISOString(),
    userId: actor?.userId ?? null,
  });
  const plans = planObligations(assessment.actions, {
    receivedAt: new Date(opened.receivedAt),
    intakeAt: now,
    specializedPlanHours: SPECIALIZED_PLAN_HOURS,
  });
  await insertObligations(trx, {
    caseId: opened.id,
    plans,
    receivedAt: opened.receivedAt,
    now: now.toISOString(),
    reporterUserId: actor?.userId ?? null,
  });
  // A child's report taken in by CPS itself stays there; any other agency's goes to CPS.
  const routedToAgencyId =
    assessment.actions.includes("report_cps") && intakeAgency.kind !== "cps"
      ? await routeToCps(trx, opened.id, input.countyFips ?? null, now.toISOString())
      : null;
  return {
    caseId: opened.id,
    caseNumber: opened.caseNumber,
    routedToAgencyId,
    determination: assessment.determination,
    obligations: plans.map((p) => ({ actionId: p.actionId, ownerRole: p.owner, dueAt: p.dueAt })),
  };
}

/**
 * A child's case taken in outside CPS (a school's screener, a public tip) goes to the CPS office
 * for its county, which must receive the report and convene the team; the reporter stays on the
 * case team and the people's records stay held by the reporting agency.
 */
async function routeToCps(
  trx: Transaction<Database>,
  caseId: string,
  countyFips: string | null,
  nowIso: string,
): Promise<string> {
  const cps = await cpsAgencyFor(trx, countyFips, nowIso);
  await trx.updateTable("cases").set({ agency_id: cps }).where("id", "=", caseId).execute();
  await trx
    .insertInto("notifications")
    .values({
      id: newId(),
      agency_id: cps,
      user_id: null,
      kind: "case_routed",
      data: JSON.stringify({ caseId }),
      created_at: nowIso,
      read_at: null,
    })
    .execute();
  await appendCaseEvent(trx, {
    caseId,
    kind: "routed_to_cps",
    occurredAt: nowIso,
    data: { agencyId: cps },
  });
  return cps;
}
