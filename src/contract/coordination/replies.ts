import { z } from "zod";
import { SEAT_INELIGIBILITIES } from "../../domain/coordination/rapid-assessment-team.ts";
import { createdReply } from "../common.ts";

/** What Rapid Assessment Team, task-force and certification routes answer. */

const ratSeat = z.object({
  id: z.string(),
  seat: z.string(),
  status: z.string(),
  membershipId: z.string(),
  displayName: z.string(),
  offeredAt: z.string(),
  respondedAt: z.string().nullable(),
  reason: z.string().nullable(),
  /** On call in the team's task force now (the server reads the roster, not the browser). */
  onCall: z.boolean(),
});
const ratView = z.object({
  id: z.string(),
  caseId: z.string(),
  taskForceId: z.string(),
  requestedAt: z.string(),
  formedAt: z.string().nullable(),
  formationMinutes: z.number().nullable(),
  seats: z.array(ratSeat),
});
/** A task-force member who could be offered a seat by hand: eligible ones come first. */
const seatCandidate = z.object({
  membershipId: z.string(),
  displayName: z.string(),
  onCall: z.boolean(),
  ineligible: z.enum(SEAT_INELIGIBILITIES).nullable(),
  certificationExpiresOn: z.string().nullable(),
});
const certificationPeriod = z.object({
  kind: z.string(),
  issuedOn: z.string(),
  expiresOn: z.string(),
});
const certification = certificationPeriod.extend({
  id: z.string(),
  certifiedBy: z.string(),
  reference: z.string().nullable(),
});
const taskForceMember = z.object({
  membershipId: z.string(),
  userId: z.string(),
  role: z.string(),
  displayName: z.string(),
  onCall: z.boolean(),
  certifications: z.array(certificationPeriod),
});
const onCallShift = z.object({
  id: z.string(),
  membershipId: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
});
const taskForceDetail = z.object({
  id: z.string(),
  name: z.string(),
  agencyId: z.string(),
  members: z.array(taskForceMember),
  shifts: z.array(onCallShift),
});
const taskForceSummary = z.object({
  id: z.string(),
  name: z.string(),
  agencyId: z.string(),
  /** The caller runs its roster (the page links to it only then). */
  mayManage: z.boolean(),
});

export const coordinationReplies = {
  created: createdReply,
  rat: z.object({ team: ratView.nullable() }),
  ratView,
  candidates: z.object({ candidates: z.array(seatCandidate) }),
  seatResponse: z.object({ status: z.string(), teamFormed: z.boolean() }),
  taskForces: z.object({ taskForces: z.array(taskForceSummary) }),
  taskForce: taskForceDetail,
  certifications: z.object({ certifications: z.array(certification) }),
};

export type RatSeat = z.infer<typeof ratSeat>;
export type RatTeam = z.infer<typeof ratView>;
export type SeatCandidate = z.infer<typeof seatCandidate>;
export type CertificationPeriod = z.infer<typeof certificationPeriod>;
export type Certification = z.infer<typeof certification>;
export type TaskForceSummary = z.infer<typeof taskForceSummary>;
export type TaskForceDetail = z.infer<typeof taskForceDetail>;
