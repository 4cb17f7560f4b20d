import {
  type Candidate,
  RAT_SEATS,
  type RatSeat,
  rankCandidates,
  seatIneligibility,
} from "../../../domain/coordination/rapid-assessment-team.ts";
import { localDate } from "../../../domain/time.ts";
import type { Scope } from "../scope.ts";
import { CertificationsRepository } from "./certifications.ts";
import { TaskForcesRepository } from "./task-forces.ts";

export interface SeatCandidate extends Candidate {
  userId: string;
  role: string;
  ineligible: ReturnType<typeof seatIneligibility>;
  certificationExpiresOn: string | null;
}

/**
 * Who in a task force could sit in a Rapid Assessment Team seat today: the members holding the
 * seat's role, with their certification for it and whether they are on call now. Eligibility is
 * the domain's rule (`seatIneligibility`), on the unit's local date.
 */
export class SeatCandidatesRepository {
  private readonly taskForces: TaskForcesRepository;
  private readonly certifications: CertificationsRepository;

  constructor(private readonly s: Scope) {
    this.taskForces = new TaskForcesRepository(s);
    this.certifications = new CertificationsRepository(s);
  }

  /** Members of the task force who could sit in the seat, with why not where they cannot. */
  async forSeat(taskForceId: string, seat: RatSeat): Promise<SeatCandidate[]> {
    const members = await this.taskForces.members(taskForceId, RAT_SEATS[seat].role);
    if (members.length === 0) return [];
    const certs = await this.certifications.heldBy(members.map((m) => m.userId));
    const onCall = await this.taskForces.onCallNow(taskForceId);
    const today = localDate(this.s.now);
    return members.map((m) => {
      const own = certs.filter((c) => c.userId === m.userId);
      const wanted = RAT_SEATS[seat].certification;
      const latest = own
        .filter((c) => c.kind === wanted)
        .map((c) => c.expiresOn)
        .sort()
        .pop();
      return {
        ...m,
        onCall: onCall.has(m.membershipId),
        ineligible: seatIneligibility(seat, { role: m.role, certifications: own }, today),
        certificationExpiresOn: latest ?? null,
      };
    });
  }

  /** The best eligible candidate not yet asked for this seat on this team, if any. */
  async next(
    ratId: string,
    taskForceId: string,
    seat: RatSeat,
  ): Promise<SeatCandidate | undefined> {
    const asked = new Set(
      (
        await this.s.trx
          .selectFrom("rat_seats")
          .select("membership_id")
          .where("rat_id", "=", ratId)
          .where("seat", "=", seat)
          .execute()
      ).map((s) => s.membership_id),
    );
    const eligible = (await this.forSeat(taskForceId, seat)).filter(
      (c) => c.ineligible === null && !asked.has(c.membershipId),
    );
    return rankCandidates(eligible)[0];
  }
}
