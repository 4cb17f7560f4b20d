import { type RatSeat, rankCandidates } from "../../domain/coordination/rapid-assessment-team.ts";
import { localDate } from "../../domain/time.ts";
import { type Actor, auditContextFor } from "../access/actor.ts";
import { appendAudit } from "../audit/audit-log.ts";
import type { AppContext } from "../context.ts";
import { notFound } from "../errors.ts";
import { caseForAction } from "../repositories/case-access.ts";
import {
  candidatesFor,
  loadRatView,
  type RatView,
} from "../repositories/rapid-assessment-teams.ts";

/** The case's team, seat by seat; null when none has been convened. */
export async function getRapidAssessmentTeam(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
): Promise<RatView | null> {
  await caseForAction(ctx, ctx.db.kysely, actor, caseId, "rat.read", "read");
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const view = await loadRatView(trx, ctx.keyring, caseId, ctx.clock.now().toISOString());
    await appendAudit(trx, auditContextFor(actor, ctx.clock), [
      { action: "rat.read", recordType: "case", recordId: caseId, outcome: "allowed" },
    ]);
    return view ?? null;
  });
}

/**
 * Seats offered to the caller and not yet answered. The caller is not on the case team yet, so
 * this lists the case number and county only: the case opens to them once they accept.
 */
export async function listMySeatOffers(ctx: AppContext, actor: Actor) {
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom("rat_seats")
      .innerJoin("rat_teams", "rat_teams.id", "rat_seats.rat_id")
      .innerJoin("cases", "cases.id", "rat_teams.case_id")
      .select([
        "rat_seats.id",
        "rat_seats.seat",
        "rat_seats.offered_at as offeredAt",
        "cases.id as caseId",
        "cases.case_number as caseNumber",
        "cases.county_fips as countyFips",
        "cases.received_at as receivedAt",
      ])
      .where("rat_seats.membership_id", "=", actor.membershipId)
      .where("rat_seats.status", "=", "offered")
      .orderBy("rat_seats.offered_at")
      .execute();
    await appendAudit(trx, auditContextFor(actor, ctx.clock), [
      {
        action: "rat.list_offers",
        recordType: "rat_seat",
        outcome: "allowed",
        detail: { count: rows.length },
      },
    ]);
    return rows;
  });
}

/**
 * Everyone in the case team's task force who could take a seat, eligible first (on call first),
 * then those who cannot and why: what a convener needs to offer a seat by hand.
 */
export async function listSeatCandidates(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  seat: RatSeat,
) {
  await caseForAction(ctx, ctx.db.kysely, actor, caseId, "rat.candidates", "formRat");
  const now = ctx.clock.now();
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const rat = await trx
      .selectFrom("rat_teams")
      .select("task_force_id")
      .where("case_id", "=", caseId)
      .executeTakeFirst();
    if (!rat) throw notFound("Rapid Assessment Team");
    const all = await candidatesFor(trx, rat.task_force_id, seat, {
      nowIso: now.toISOString(),
      today: localDate(now),
    });
    return [
      ...rankCandidates(all.filter((c) => c.ineligible === null)),
      ...rankCandidates(all.filter((c) => c.ineligible !== null)),
    ].map((c) => ({
      membershipId: c.membershipId,
      displayName: c.displayName,
      onCall: c.onCall,
      ineligible: c.ineligible,
      certificationExpiresOn: c.certificationExpiresOn,
    }));
  });
}
