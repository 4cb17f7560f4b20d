import type { Kysely, Transaction } from "kysely";
import {
  type Candidate,
  RAT_SEATS,
  type RatSeat,
  rankCandidates,
  seatIneligibility,
} from "../../domain/coordination/rapid-assessment-team.ts";
import type { Database } from "../db/schema.ts";
import { newId } from "../ids.ts";
import type { Keyring } from "../security/keyring.ts";
import { openOptional } from "./sealed-text.ts";

type Trx = Transaction<Database>;

export interface SeatCandidate extends Candidate {
  userId: string;
  role: string;
  ineligible: ReturnType<typeof seatIneligibility>;
  certificationExpiresOn: string | null;
}

/** A task force's active members (of one role, when given), by name. */
export async function taskForceMembers(
  db: Kysely<Database> | Trx,
  taskForceId: string,
  role?: string,
) {
  let q = db
    .selectFrom("task_force_members")
    .innerJoin("memberships", "memberships.id", "task_force_members.membership_id")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select([
      "memberships.id as membershipId",
      "memberships.role",
      "users.id as userId",
      "users.display_name as displayName",
    ])
    .where("task_force_members.task_force_id", "=", taskForceId)
    .where("users.status", "=", "active");
  if (role !== undefined) q = q.where("memberships.role", "=", role);
  return q.orderBy("users.display_name").execute();
}

/** Members of a task force who could sit in a seat, with why not where they cannot. */
export async function candidatesFor(
  trx: Trx,
  taskForceId: string,
  seat: RatSeat,
  at: { nowIso: string; today: string },
): Promise<SeatCandidate[]> {
  const members = await taskForceMembers(trx, taskForceId, RAT_SEATS[seat].role);
  if (members.length === 0) return [];
  const userIds = members.map((m) => m.userId);
  const certs = await trx
    .selectFrom("certifications")
    .select(["user_id", "kind", "issued_on as issuedOn", "expires_on as expiresOn"])
    .where("user_id", "in", userIds)
    .execute();
  const onCall = new Set(
    (
      await trx
        .selectFrom("on_call_shifts")
        .select("membership_id")
        .where("task_force_id", "=", taskForceId)
        .where("starts_at", "<=", at.nowIso)
        .where("ends_at", ">", at.nowIso)
        .execute()
    ).map((s) => s.membership_id),
  );
  return members.map((m) => {
    const own = certs.filter((c) => c.user_id === m.userId);
    const wanted = RAT_SEATS[seat].certification;
    const latest = own
      .filter((c) => c.kind === wanted)
      .map((c) => c.expiresOn)
      .sort()
      .pop();
    return {
      ...m,
      onCall: onCall.has(m.membershipId),
      ineligible: seatIneligibility(seat, { role: m.role, certifications: own }, at.today),
      certificationExpiresOn: latest ?? null,
    };
  });
}

/** The best eligible candidate not yet asked for this seat on this team, if any. */
export async function nextCandidate(
  trx: Trx,
  ratId: string,
  taskForceId: string,
  seat: RatSeat,
  at: { nowIso: string; today: string },
): Promise<SeatCandidate | undefined> {
  const asked = new Set(
    (
      await trx
        .selectFrom("rat_seats")
        .select("membership_id")
        .where("rat_id", "=", ratId)
        .where("seat", "=", seat)
        .execute()
    ).map((s) => s.membership_id),
  );
  const eligible = (await candidatesFor(trx, taskForceId, seat, at)).filter(
    (c) => c.ineligible === null && !asked.has(c.membershipId),
  );
  return rankCandidates(eligible)[0];
}

export async function offerSeat(
  trx: Trx,
  offer: { ratId: string; caseId: string; seat: RatSeat; candidate: SeatCandidate; nowIso: string },
): Promise<string> {
  const id = newId();
  await trx
    .insertInto("rat_seats")
    .values({
      id,
      rat_id: offer.ratId,
      seat: offer.seat,
      membership_id: offer.candidate.membershipId,
      status: "offered",
      offered_at: offer.nowIso,
      responded_at: null,
      reason: null,
    })
    .execute();
  // The notice names the seat and the case id only; the case itself opens once they accept.
  await trx
    .insertInto("notifications")
    .values({
      id: newId(),
      agency_id: null,
      user_id: offer.candidate.userId,
      kind: "rat_seat_offered",
      data: JSON.stringify({ seatId: id, seat: offer.seat, caseId: offer.caseId }),
      created_at: offer.nowIso,
      read_at: null,
    })
    .execute();
  return id;
}

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

export async function loadRatView(
  trx: Trx,
  keyring: Keyring,
  caseId: string,
  nowIso: string,
): Promise<RatView | undefined> {
  const rat = await trx
    .selectFrom("rat_teams")
    .selectAll()
    .where("case_id", "=", caseId)
    .executeTakeFirst();
  if (!rat) return undefined;
  const seats = await trx
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
  const onCall = new Set(
    (
      await trx
        .selectFrom("on_call_shifts")
        .select("membership_id")
        .where("task_force_id", "=", rat.task_force_id)
        .where("starts_at", "<=", nowIso)
        .where("ends_at", ">", nowIso)
        .execute()
    ).map((s) => s.membership_id),
  );
  return {
    id: rat.id,
    caseId: rat.case_id,
    taskForceId: rat.task_force_id,
    requestedAt: rat.requested_at,
    formedAt: rat.formed_at,
    formationMinutes: rat.formation_ms === null ? null : Math.round(rat.formation_ms / 60_000),
    seats: seats.map((s) => ({
      ...s,
      reason: openOptional(keyring, "rat_seats", "reason", s.id, s.reason),
      onCall: onCall.has(s.membershipId),
    })),
  };
}
