import { z } from "zod";
import { RAT_SEAT_IDS, type RatSeat } from "../../domain/coordination/rapid-assessment-team.ts";
import { localDate } from "../../domain/time.ts";
import { type Actor, auditContextFor } from "../access/actor.ts";
import { appendAudit } from "../audit/audit-log.ts";
import type { AppContext } from "../context.ts";
import { AppError, conflict, notFound } from "../errors.ts";
import { newId } from "../ids.ts";
import { caseForAction } from "../repositories/case-access.ts";
import { appendCaseEvent } from "../repositories/cases.ts";
import {
  candidatesFor,
  loadRatView,
  nextCandidate,
  offerSeat,
  type RatView,
} from "../repositories/rapid-assessment-teams.ts";
import { sealText } from "../repositories/sealed-text.ts";

export const formRatInput = z.strictObject({ taskForceId: z.string().min(1).max(100) });
export const offerSeatInput = z.strictObject({
  seat: z.enum(RAT_SEAT_IDS as [RatSeat, ...RatSeat[]]),
  membershipId: z.string().min(1).max(100),
});

const INELIGIBLE_MESSAGES = {
  wrong_role: "This person does not hold the role this seat needs.",
  certification_missing: "This person holds no certification for this seat.",
  certification_expired: "This person's certification for this seat is not valid today.",
} as const;

/**
 * Convenes the case's Rapid Assessment Team from a task force: each seat is offered to the best
 * eligible member (valid certification, on call first). Seats with nobody eligible stay empty
 * for the convener to fill by hand.
 */
export async function formRapidAssessmentTeam(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  raw: z.input<typeof formRatInput>,
): Promise<RatView> {
  const input = formRatInput.parse(raw);
  const now = ctx.clock.now();
  const at = { nowIso: now.toISOString(), today: localDate(now) };
  await caseForAction(ctx, ctx.db.kysely, actor, caseId, "rat.form", "formRat");
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const taskForce = await trx
      .selectFrom("task_forces")
      .select("id")
      .where("id", "=", input.taskForceId)
      .executeTakeFirst();
    if (!taskForce) throw notFound("task force");
    const existing = await trx
      .selectFrom("rat_teams")
      .select("id")
      .where("case_id", "=", caseId)
      .executeTakeFirst();
    if (existing) throw conflict("This case already has a Rapid Assessment Team.");
    const ratId = newId();
    await trx
      .insertInto("rat_teams")
      .values({
        id: ratId,
        case_id: caseId,
        task_force_id: taskForce.id,
        requested_at: at.nowIso,
        requested_by_user_id: actor.userId,
        formed_at: null,
        formation_ms: null,
      })
      .execute();
    const offered: string[] = [];
    for (const seat of RAT_SEAT_IDS) {
      const candidate = await nextCandidate(trx, ratId, taskForce.id, seat, at);
      if (!candidate) continue;
      await offerSeat(trx, { ratId, caseId, seat, candidate, nowIso: at.nowIso });
      offered.push(seat);
    }
    await appendCaseEvent(trx, {
      caseId,
      kind: "rat_requested",
      occurredAt: at.nowIso,
      actorUserId: actor.userId,
      data: { ratId, offered },
    });
    await appendAudit(trx, auditContextFor(actor, ctx.clock), [
      {
        action: "rat.form",
        recordType: "case",
        recordId: caseId,
        outcome: "allowed",
        detail: { ratId, offered: offered.join(",") },
      },
    ]);
    return (await loadRatView(trx, ctx.keyring, caseId, at.nowIso)) as RatView;
  });
}

/** Offers a seat to a chosen member; refuses anyone whose certification is not valid today. */
export async function offerRatSeat(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  raw: z.input<typeof offerSeatInput>,
): Promise<RatView> {
  const input = offerSeatInput.parse(raw);
  const now = ctx.clock.now();
  const at = { nowIso: now.toISOString(), today: localDate(now) };
  await caseForAction(ctx, ctx.db.kysely, actor, caseId, "rat.offer_seat", "formRat");
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const rat = await trx
      .selectFrom("rat_teams")
      .select(["id", "task_force_id"])
      .where("case_id", "=", caseId)
      .executeTakeFirst();
    if (!rat) throw notFound("Rapid Assessment Team");
    const candidate = (await candidatesFor(trx, rat.task_force_id, input.seat, at)).find(
      (c) => c.membershipId === input.membershipId,
    );
    if (!candidate)
      throw new AppError(
        "not_a_member",
        "This person is not a member of the task force with this seat's role.",
        "membershipId",
      );
    if (candidate.ineligible)
      throw new AppError(
        candidate.ineligible,
        INELIGIBLE_MESSAGES[candidate.ineligible],
        "membershipId",
      );
    const seats = await trx
      .selectFrom("rat_seats")
      .select(["id", "status"])
      .where("rat_id", "=", rat.id)
      .where("seat", "=", input.seat)
      .where("status", "in", ["offered", "accepted"])
      .execute();
    if (seats.some((s) => s.status === "accepted"))
      throw conflict("This seat is already taken; the team member must step down first.");
    for (const s of seats)
      await trx
        .updateTable("rat_seats")
        .set({
          status: "withdrawn",
          responded_at: at.nowIso,
          reason: sealText(ctx.keyring, "rat_seats", "reason", s.id, "offered to another"),
        })
        .where("id", "=", s.id)
        .execute();
    await offerSeat(trx, { ratId: rat.id, caseId, seat: input.seat, candidate, nowIso: at.nowIso });
    await appendCaseEvent(trx, {
      caseId,
      kind: "rat_seat_offered",
      occurredAt: at.nowIso,
      actorUserId: actor.userId,
      data: { seat: input.seat },
    });
    await appendAudit(trx, auditContextFor(actor, ctx.clock), [
      {
        action: "rat.offer_seat",
        recordType: "case",
        recordId: caseId,
        outcome: "allowed",
        detail: { ratId: rat.id, seat: input.seat },
      },
    ]);
    return (await loadRatView(trx, ctx.keyring, caseId, at.nowIso)) as RatView;
  });
}
