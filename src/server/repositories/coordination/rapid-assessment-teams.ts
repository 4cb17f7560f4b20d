import { RAT_SEAT_IDS, type RatSeat } from "../../../domain/coordination/rapid-assessment-team.ts";
import { RAT_LEAD_ROLES } from "../../access/policy.ts";
import { newId } from "../../ids.ts";
import { meetObligation } from "../obligations/obligations.ts";
import type { Scope } from "../scope.ts";
import { openOptional, sealOptional, sealText } from "../sealed-text.ts";
import type { SeatCandidate } from "./seat-candidates.ts";
import { TaskForcesRepository } from "./task-forces.ts";

export interface RatView {
  id: string;
  caseId: string;
  taskForceId: string;
  requestedAt: string;
  formedAt: string | null;
  formationMinutes: number | null;
  seats: {
    id: string;
    seat: string;
    status: string;
    membershipId: string;
    displayName: string;
    offeredAt: string;
    respondedAt: string | null;
    reason: string | null;
    onCall: boolean;
  }[];
}

/** A seat offered to the caller, with the team and case it belongs to. */
export interface SeatOffer {
  id: string;
  seat: RatSeat;
  ratId: string;
  caseId: string;
  taskForceId: string;
}

/**
 * Rapid Assessment Teams and their seats. A case reaches these only through a unit of work that
 * found the case in the caller's scope (or, for a seat, one offered to the caller): the methods
 * take the case or team that check produced. Seat reasons are free text, sealed at rest.
 */
export class RapidAssessmentTeamsRepository {
  constructor(private readonly s: Scope) {}

  /** The case's team, if one was convened (a case has at most one). */
  findForCase(caseId: string): Promise<{ id: string; task_force_id: string } | undefined> {
    return this.s.trx
      .selectFrom("rat_teams")
      .select(["id", "task_force_id"])
      .where("case_id", "=", caseId)
      .executeTakeFirst();
  }

  /** Records that the caller convened the case's team from a task force; not yet formed. */
  async convene(caseId: string, taskForceId: string): Promise<string> {
    const id = newId();
    await this.s.trx
      .insertInto("rat_teams")
      .values({
        id,
        case_id: caseId,
        task_force_id: taskForceId,
        requested_at: this.s.nowIso,
        requested_by_user_id: this.s.actor.userId,
        formed_at: null,
        formation_ms: null,
      })
      .execute();
    return id;
  }

  /**
   * Offers a seat to a candidate and tells them. The notice names the seat and the case id
   * only: the case itself opens to them once they accept.
   */
  async offerSeat(offer: {
    ratId: string;
    caseId: string;
    seat: RatSeat;
    candidate: SeatCandidate;
  }): Promise<string> {
    const id = newId();
    await this.s.trx
      .insertInto("rat_seats")
      .values({
        id,
        rat_id: offer.ratId,
        seat: offer.seat,
        membership_id: offer.candidate.membershipId,
        status: "offered",
        offered_at: this.s.nowIso,
        responded_at: null,
        reason: null,
      })
      .execute();
    await this.s.trx
      .insertInto("notifications")
      .values({
        id: newId(),
        agency_id: null,
        user_id: offer.candidate.userId,
        kind: "rat_seat_offered",
        data: JSON.stringify({ seatId: id, seat: offer.seat, caseId: offer.caseId }),
        created_at: this.s.nowIso,
      })
      .execute();
    return id;
  }

  /** The seat's offers still standing (offered or accepted). */
  standingOffers(ratId: string, seat: RatSeat) {
    return this.s.trx
      .selectFrom("rat_seats")
      .select(["id", "status"])
      .where("rat_id", "=", ratId)
      .where("seat", "=", seat)
      .where("status", "in", ["offered", "accepted"])
      .execute();
  }

  /** Withdraws an offer: the seat is offered to someone else, or the case was closed. */
  async withdrawOffer(seatId: string, why = "offered to another"): Promise<void> {
    await this.s.trx
      .updateTable("rat_seats")
      .set({
        status: "withdrawn",
        responded_at: this.s.nowIso,
        reason: sealText(this.s.keyring, "rat_seats", "reason", seatId, why),
      })
      .where("id", "=", seatId)
      .execute();
  }

  /**
   * Who is told how a seat offer was answered. Who offered a seat is not recorded (most offers
   * are automatic), so: the person who convened the team, and the task force's leads (a role
   * that leads teams, at the task force's agency). Staff ids only, each once.
   */
  async convenersOf(ratId: string): Promise<string[]> {
    const team = await this.s.trx
      .selectFrom("rat_teams")
      .innerJoin("task_forces", "task_forces.id", "rat_teams.task_force_id")
      .select(["task_forces.agency_id", "rat_teams.requested_by_user_id"])
      .where("rat_teams.id", "=", ratId)
      .executeTakeFirstOrThrow();
    const leads = await this.s.trx
      .selectFrom("memberships")
      .innerJoin("users", "users.id", "memberships.user_id")
      .select("users.id")
      .where("memberships.agency_id", "=", team.agency_id)
      .where("memberships.role", "in", [...RAT_LEAD_ROLES])
      .where("users.status", "=", "active")
      .execute();
    return [...new Set([team.requested_by_user_id, ...leads.map((l) => l.id)])];
  }

  /** The case team's seat offers nobody has answered yet (the case closing withdraws them). */
  async unansweredOnCase(caseId: string): Promise<string[]> {
    const rows = await this.s.trx
      .selectFrom("rat_seats")
      .innerJoin("rat_teams", "rat_teams.id", "rat_seats.rat_id")
      .select("rat_seats.id")
      .where("rat_teams.case_id", "=", caseId)
      .where("rat_seats.status", "=", "offered")
      .execute();
    return rows.map((r) => r.id);
  }

  /** Seats offered to the caller and not yet answered, with the case's number and county. */
  offersToCaller() {
    return this.s.trx
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
      .where("rat_seats.membership_id", "=", this.s.actor.membershipId)
      .where("rat_seats.status", "=", "offered")
      .orderBy("rat_seats.offered_at")
      .execute();
  }

  /** A seat if it was offered to the caller (whatever its status); one offered to anyone else
   * reads like one that does not exist. */
  async offeredToCaller(seatId: string): Promise<SeatOffer | undefined> {
    const row = await this.s.trx
      .selectFrom("rat_seats")
      .innerJoin("rat_teams", "rat_teams.id", "rat_seats.rat_id")
      .select([
        "rat_seats.id",
        "rat_seats.seat",
        "rat_seats.rat_id as ratId",
        "rat_teams.case_id as caseId",
        "rat_teams.task_force_id as taskForceId",
      ])
      .where("rat_seats.id", "=", seatId)
      .where("rat_seats.membership_id", "=", this.s.actor.membershipId)
      .executeTakeFirst();
    return row && { ...row, seat: row.seat as RatSeat };
  }

  /**
   * Takes the team row's lock: two seats accepted at once on PostgreSQL would otherwise each
   * miss the other's acceptance, and the team would never be marked formed.
   */
  async lockTeam(ratId: string): Promise<void> {
    await this.s.trx
      .updateTable("rat_teams")
      .set((eb) => ({ formed_at: eb.ref("formed_at") }))
      .where("id", "=", ratId)
      .execute();
  }

  /** Answers an offer still open; false when it was already answered or withdrawn. */
  async answerOffer(
    seatId: string,
    answer: { response: "accepted" | "declined"; reason?: string | undefined },
  ): Promise<boolean> {
    const updated = await this.s.trx
      .updateTable("rat_seats")
      .set({
        status: answer.response,
        responded_at: this.s.nowIso,
        reason: sealOptional(this.s.keyring, "rat_seats", "reason", seatId, answer.reason),
      })
      .where("id", "=", seatId)
      .where("status", "=", "offered")
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) > 0;
  }

  /**
   * Puts the caller on the case team (a seat holder works the case). The case team's own
   * repository belongs to case-team work; this one insert lives here until both meet.
   */
  async joinCaseTeam(caseId: string): Promise<void> {
    const onTeam = await this.s.trx
      .selectFrom("case_team")
      .select("user_id")
      .where("case_id", "=", caseId)
      .where("user_id", "=", this.s.actor.userId)
      .executeTakeFirst();
    if (!onTeam)
      await this.s.trx
        .insertInto("case_team")
        .values({ case_id: caseId, user_id: this.s.actor.userId, added_at: this.s.nowIso })
        .execute();
  }

  /**
   * Marks the team formed now if every seat is accepted, with the time from the tip; answers the
   * time taken, or null when a seat is still open (or the team was formed already).
   */
  async formIfComplete(ratId: string, caseId: string): Promise<number | null> {
    const accepted = await this.s.trx
      .selectFrom("rat_seats")
      .select("seat")
      .where("rat_id", "=", ratId)
      .where("status", "=", "accepted")
      .execute();
    const filled = new Set(accepted.map((s) => s.seat));
    if (!RAT_SEAT_IDS.every((s) => filled.has(s))) return null;
    const c = await this.s.trx
      .selectFrom("cases")
      .select("received_at")
      .where("id", "=", caseId)
      .executeTakeFirstOrThrow();
    const formationMs = this.s.now.getTime() - new Date(c.received_at).getTime();
    await this.s.trx
      .updateTable("rat_teams")
      .set({ formed_at: this.s.nowIso, formation_ms: formationMs })
      .where("id", "=", ratId)
      .where("formed_at", "is", null)
      .execute();
    return formationMs;
  }

  /**
   * Meets the case's `rapid_assessment_team` obligation with the team as evidence, recorded by
   * the system on the caller's acceptance (the obligations' own repository does the writing).
   */
  meetTeamObligation(ratId: string, caseId: string): Promise<void> {
    return meetObligation(this.s.trx, {
      keyring: this.s.keyring,
      caseId,
      actionId: "rapid_assessment_team",
      userId: this.s.actor.userId,
      nowIso: this.s.nowIso,
      evidence: { ratId, formedAt: this.s.nowIso, recordedBy: "system" },
    });
  }

  /** The case's team seat by seat, reasons opened, with who is on call now. */
  async view(caseId: string): Promise<RatView | undefined> {
    const rat = await this.s.trx
      .selectFrom("rat_teams")
      .selectAll()
      .where("case_id", "=", caseId)
      .executeTakeFirst();
    if (!rat) return undefined;
    const seats = await this.s.trx
      .selectFrom("rat_seats")
      .innerJoin("memberships", "memberships.id", "rat_seats.membership_id")
      .innerJoin("users", "users.id", "memberships.user_id")
      .select([
        "rat_seats.id",
        "rat_seats.seat",
        "rat_seats.status",
        "rat_seats.membership_id as membershipId",
        "users.display_name as displayName",
        "rat_seats.offered_at as offeredAt",
        "rat_seats.responded_at as respondedAt",
        "rat_seats.reason",
      ])
      .where("rat_seats.rat_id", "=", rat.id)
      .orderBy("rat_seats.offered_at")
      .orderBy("rat_seats.id")
      .execute();
    const onCall = await new TaskForcesRepository(this.s).onCallNow(rat.task_force_id);
    return {
      id: rat.id,
      caseId: rat.case_id,
      taskForceId: rat.task_force_id,
      requestedAt: rat.requested_at,
      formedAt: rat.formed_at,
      formationMinutes: rat.formation_ms === null ? null : Math.round(rat.formation_ms / 60_000),
      seats: seats.map((s) => ({
        ...s,
        reason: openOptional(this.s.keyring, "rat_seats", "reason", s.id, s.reason),
        onCall: onCall.has(s.membershipId),
      })),
    };
  }
}
