import type { Transaction } from "kysely";
import { z } from "zod";
import {
  RAT_SEAT_IDS,
  type RatSeat,
  seatIneligibility,
} from "../../domain/coordination/rapid-assessment-team.ts";
import { localDate } from "../../domain/time.ts";
import { type Actor, auditContextFor } from "../access/actor.ts";
import { appendAudit } from "../audit/audit-log.ts";
import { denied } from "../audit/record-denial.ts";
import type { AppContext } from "../context.ts";
import type { Database } from "../db/schema.ts";
import { AppError, conflict, notFound } from "../errors.ts";
import { appendCaseEvent } from "../repositories/cases.ts";
import { meetObligation } from "../repositories/obligations.ts";
import { nextCandidate, offerSeat } from "../repositories/rapid-assessment-teams.ts";
import { sealOptional } from "../repositories/sealed-text.ts";
import type { Keyring } from "../security/keyring.ts";

export const respondToSeatInput = z
  .strictObject({
    response: z.enum(["accepted", "declined"]),
    reason: z.string().trim().min(3).max(500).optional(),
  })
  .refine((v) => v.response !== "declined" || v.reason !== undefined, {
    message: "a reason is required to decline a seat",
    path: ["reason"],
  });

/**
 * The offered member accepts or declines a seat. Accepting joins them to the case team; the
 * third accepted seat forms the team, records time from the tip, and meets the case's
 * `rapid_assessment_team` obligation. Declining offers the seat to the next eligible member.
 */
export async function respondToRatSeat(
  ctx: AppContext,
  actor: Actor,
  seatId: string,
  raw: z.input<typeof respondToSeatInput>,
): Promise<{ status: string; teamFormed: boolean }> {
  const input = respondToSeatInput.parse(raw);
  const now = ctx.clock.now();
  const at = { nowIso: now.toISOString(), today: localDate(now) };
  const entry = { action: "rat.respond", recordType: "rat_seat", recordId: seatId };
  const seat = await ctx.db.kysely
    .selectFrom("rat_seats")
    .innerJoin("rat_teams", "rat_teams.id", "rat_seats.rat_id")
    .select([
      "rat_seats.id",
      "rat_seats.seat",
      "rat_seats.status",
      "rat_seats.rat_id",
      "rat_teams.case_id",
      "rat_teams.task_force_id",
    ])
    .where("rat_seats.id", "=", seatId)
    .where("rat_seats.membership_id", "=", actor.membershipId)
    .executeTakeFirst();
  // An offer made to someone else answers like one that does not exist.
  if (!seat) throw await denied(ctx, actor, entry, notFound("seat offer"));
  const seatId_ = seat.seat as RatSeat;
  if (input.response === "accepted") {
    const certs = await ctx.db.kysely
      .selectFrom("certifications")
      .select(["kind", "issued_on as issuedOn", "expires_on as expiresOn"])
      .where("user_id", "=", actor.userId)
      .execute();
    const why = seatIneligibility(seatId_, { role: actor.role, certifications: certs }, at.today);
    if (why) {
      const error = new AppError(why, "Your certification for this seat is not valid today.");
      throw await denied(ctx, actor, entry, error);
    }
  }
  return ctx.db.kysely.transaction().execute(async (trx) => {
    // Lock the team row first: two seats accepted at once on PostgreSQL would otherwise each
    // miss the other's acceptance, and the team would never be marked formed.
    await trx
      .updateTable("rat_teams")
      .set((eb) => ({ formed_at: eb.ref("formed_at") }))
      .where("id", "=", seat.rat_id)
      .execute();
    const updated = await trx
      .updateTable("rat_seats")
      .set({
        status: input.response,
        responded_at: at.nowIso,
        reason: sealOptional(ctx.keyring, "rat_seats", "reason", seatId, input.reason),
      })
      .where("id", "=", seatId)
      .where("status", "=", "offered")
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0)
      throw conflict("This offer has already been answered or withdrawn.");
    let teamFormed = false;
    if (input.response === "accepted") {
      await joinCaseTeam(trx, seat.case_id, actor.userId, at.nowIso);
      teamFormed = await formIfComplete(
        trx,
        ctx.keyring,
        seat.rat_id,
        seat.case_id,
        actor,
        at.nowIso,
      );
    } else {
      const next = await nextCandidate(trx, seat.rat_id, seat.task_force_id, seatId_, at);
      if (next)
        await offerSeat(trx, {
          ratId: seat.rat_id,
          caseId: seat.case_id,
          seat: seatId_,
          candidate: next,
          nowIso: at.nowIso,
        });
    }
    await appendCaseEvent(trx, {
      caseId: seat.case_id,
      kind: `rat_seat_${input.response}`,
      occurredAt: at.nowIso,
      actorUserId: actor.userId,
      data: { seat: seat.seat },
    });
    await appendAudit(trx, auditContextFor(actor, ctx.clock), [
      { ...entry, outcome: "allowed", detail: { response: input.response, teamFormed } },
    ]);
    return { status: input.response, teamFormed };
  });
}

async function joinCaseTeam(
  trx: Transaction<Database>,
  caseId: string,
  userId: string,
  nowIso: string,
) {
  const onTeam = await trx
    .selectFrom("case_team")
    .select("user_id")
    .where("case_id", "=", caseId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (!onTeam)
    await trx
      .insertInto("case_team")
      .values({ case_id: caseId, user_id: userId, added_at: nowIso })
      .execute();
}

async function formIfComplete(
  trx: Transaction<Database>,
  keyring: Keyring,
  ratId: string,
  caseId: string,
  actor: Actor,
  nowIso: string,
): Promise<boolean> {
  const accepted = await trx
    .selectFrom("rat_seats")
    .select("seat")
    .where("rat_id", "=", ratId)
    .where("status", "=", "accepted")
    .execute();
  const filled = new Set(accepted.map((s) => s.seat));
  if (!RAT_SEAT_IDS.every((s) => filled.has(s))) return false;
  const c = await trx
    .selectFrom("cases")
    .select("received_at")
    .where("id", "=", caseId)
    .executeTakeFirstOrThrow();
  const formationMs = new Date(nowIso).getTime() - new Date(c.received_at).getTime();
  await trx
    .updateTable("rat_teams")
    .set({ formed_at: nowIso, formation_ms: formationMs })
    .where("id", "=", ratId)
    .where("formed_at", "is", null)
    .execute();
  await meetObligation(trx, {
    keyring,
    caseId,
    actionId: "rapid_assessment_team",
    userId: actor.userId,
    nowIso,
    evidence: { ratId, formedAt: nowIso, recordedBy: "system" },
  });
  await appendCaseEvent(trx, {
    caseId,
    kind: "rat_formed",
    occurredAt: nowIso,
    actorUserId: actor.userId,
    data: { ratId, formationMinutes: Math.round(formationMs / 60_000) },
  });
  return true;
}
