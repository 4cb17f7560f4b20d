import { z } from "zod";
import { REFERRAL_STATUSES } from "../../domain/coordination/referral.ts";

/**
 * The caller's own work: obligation queues, open cases overseen, referrals waiting on the
 * agency, seats offered. Queues carry no personal data beyond what the caller may read.
 */

/** An obligation as work queues list it (no personal data: case number and action only). */
const queuedObligation = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  actionId: z.string(),
  ownerRole: z.string(),
});
const myObligation = queuedObligation.extend({
  /** True when it is mine; false while it waits in my role's queue for someone to take it. */
  claimed: z.boolean(),
  dueAt: z.string().nullable(),
  /** How its clock reads now (domain/obligation-urgency): "due now" is not "overdue". */
  dueState: z.enum(["no_deadline", "due_now", "due", "overdue"]),
  overdue: z.boolean(),
  version: z.number(),
});
const overdueObligation = queuedObligation.extend({
  countyFips: z.string().nullable(),
  dueAt: z.string(),
  overdueMinutes: z.number(),
});
const openCase = z.object({
  id: z.string(),
  caseNumber: z.string(),
  countyFips: z.string().nullable(),
  status: z.string(),
  determination: z.string().nullable(),
  receivedAt: z.string(),
  ratRequestedAt: z.string().nullable(),
  ratFormedAt: z.string().nullable(),
  openObligations: z.number(),
  overdueObligations: z.number(),
});
/** A referral waiting on my agency: identity only under a disclosure basis. */
const incomingReferral = z.object({
  id: z.string(),
  /** The case, which an accepted referral lets the receiving agency open. */
  caseId: z.string(),
  caseNumber: z.string(),
  domain: z.string(),
  service: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  sentAt: z.string(),
  version: z.number(),
  disclosureBasis: z.string(),
  ageYears: z.number().nullable(),
  identity: z.object({
    givenName: z.string().optional(),
    familyName: z.string().optional(),
    birthDate: z.string().optional(),
  }),
});
const seatOffer = z.object({
  id: z.string(),
  seat: z.string(),
  offeredAt: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  countyFips: z.string().nullable(),
  receivedAt: z.string(),
});

export const workReplies = {
  myObligations: z.object({ obligations: z.array(myObligation) }),
  overdue: z.object({ obligations: z.array(overdueObligation) }),
  openCases: z.object({ cases: z.array(openCase) }),
  incomingReferrals: z.object({ referrals: z.array(incomingReferral) }),
  seatOffers: z.object({ offers: z.array(seatOffer) }),
};

export type OpenCase = z.infer<typeof openCase>;
export type IncomingReferral = z.infer<typeof incomingReferral>;
export type SeatOffer = z.infer<typeof seatOffer>;
