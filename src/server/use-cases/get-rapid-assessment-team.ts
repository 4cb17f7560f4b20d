import { type Actor, auditContextFor } from "../access/actor.ts";
import { appendAudit } from "../audit/audit-log.ts";
import type { AppContext } from "../context.ts";
import { caseForAction } from "../repositories/case-access.ts";
import { loadRatView, type RatView } from "../repositories/rapid-assessment-teams.ts";

/** The case's team, seat by seat; null when none has been convened. */
export async function getRapidAssessmentTeam(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
): Promise<RatView | null> {
  await caseForAction(ctx, ctx.db.kysely, actor, caseId, "rat.read", "read");
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const view = await loadRatView(trx, caseId);
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
