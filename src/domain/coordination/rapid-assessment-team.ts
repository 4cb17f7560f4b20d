import type { Role } from "../roles.ts";

/**
 * The Rapid Assessment Team of HB 1559 (2020) and 3 Miss. Code R. 5-02-200: a CPS investigator,
 * an investigator certified by the Human Trafficking Operational Task Force Board and a victim
 * advocate certified by the Attorney General, formed within 24 hours of the tip.
 */
export const CERTIFICATION_KINDS = {
  ht_investigator: { certifiedBy: "task_force_board" },
  victim_advocate: { certifiedBy: "attorney_general" },
} as const;
export type CertificationKind = keyof typeof CERTIFICATION_KINDS;
export const CERTIFICATION_KIND_IDS = Object.keys(CERTIFICATION_KINDS) as CertificationKind[];

export interface SeatRule {
  role: Role;
  certification: CertificationKind | null;
  citation: string;
}

export const RAT_SEATS = {
  cps_investigator: {
    role: "cps_investigator",
    certification: null,
    citation: "HB 1559 (2020); 3 Miss. Code R. 5-02-200",
  },
  ht_investigator: {
    role: "ht_investigator",
    certification: "ht_investigator",
    citation:
      "HB 1559 (2020): investigator certified by the Human Trafficking Operational Task Force Board",
  },
  victim_advocate: {
    role: "victim_advocate",
    certification: "victim_advocate",
    citation: "HB 1559 (2020): victim advocate certified by the Attorney General",
  },
} as const satisfies Record<string, SeatRule>;
export type RatSeat = keyof typeof RAT_SEATS;
export const RAT_SEAT_IDS = Object.keys(RAT_SEATS) as RatSeat[];

export interface Certification {
  kind: string;
  issuedOn: string;
  expiresOn: string;
}

/** Valid on `today` (a local YYYY-MM-DD date): issued on or before it, expiring on or after it. */
export function certificationValid(c: Certification, today: string): boolean {
  return c.issuedOn <= today && today <= c.expiresOn;
}

/** Why a person cannot take a seat (each is also the error code an offer to them answers). */
export const SEAT_INELIGIBILITIES = [
  "wrong_role",
  "certification_missing",
  "certification_expired",
] as const;
export type SeatIneligibility = (typeof SEAT_INELIGIBILITIES)[number];

/** Why a person cannot take a seat today, or null when they can. */
export function seatIneligibility(
  seat: RatSeat,
  candidate: { role: string; certifications: readonly Certification[] },
  today: string,
): SeatIneligibility | null {
  const rule: SeatRule = RAT_SEATS[seat];
  if (candidate.role !== rule.role) return "wrong_role";
  if (rule.certification === null) return null;
  const held = candidate.certifications.filter((c) => c.kind === rule.certification);
  if (held.length === 0) return "certification_missing";
  return held.some((c) => certificationValid(c, today)) ? null : "certification_expired";
}

export interface Candidate {
  membershipId: string;
  displayName: string;
  onCall: boolean;
}

/** Who to offer a seat to first: those on call now, then everyone else, in a stable order. */
export function rankCandidates<C extends Candidate>(candidates: readonly C[]): C[] {
  return [...candidates].sort(
    (a, b) =>
      Number(b.onCall) - Number(a.onCall) ||
      a.displayName.localeCompare(b.displayName) ||
      a.membershipId.localeCompare(b.membershipId),
  );
}
