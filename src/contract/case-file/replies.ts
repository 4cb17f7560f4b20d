import { z } from "zod";
import { REFERRAL_STATUSES } from "../../domain/coordination/referral.ts";
import { createdReply, disclosureBasis, versionedReply } from "../common.ts";

/** What the case-file routes answer (plans, referrals, notes, documents, timeline, status). */

const obligation = z.object({
  id: z.string(),
  actionId: z.string(),
  ownerRole: z.string(),
  /** The named owner (staff), or null while it waits in the role's queue. */
  ownerUserId: z.string().nullable(),
  ownerName: z.string().nullable(),
  status: z.string(),
  dueAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  reason: z.string().nullable(),
  evidence: z.record(z.string(), z.unknown()).nullable(),
  version: z.number(),
  /** The caller may record this obligation's outcome (the policy's answer, not the client's). */
  mayClose: z.boolean(),
  /** The caller may take it from its role's queue (POST /obligations/:id/take). */
  mayTake: z.boolean(),
  /** The caller may hand it to a named worker (POST /obligations/:id/reassign). */
  mayReassign: z.boolean(),
});
const planItem = z.object({
  id: z.string(),
  domain: z.string(),
  need: z.string(),
  goal: z.string().nullable(),
  service: z.string(),
  providerAgencyId: z.string().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  status: z.string(),
  version: z.number(),
});
const timelineEvent = z.object({
  id: z.string(),
  kind: z.string(),
  occurredAt: z.string(),
  actorUserId: z.string().nullable(),
  /** Who did it; null for what the system did (deadlines, automatic offers). */
  actorName: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
/**
 * A plan as the server lets the caller see it: `own_agency` in full; `consent` with the items of
 * the consented categories; `statutory_report` (CPS, a child's report) kind and status only;
 * `none` only the agency holding it. What is withheld is null, never guessed.
 */
const servicePlan = z.object({
  id: z.string(),
  personId: z.string(),
  /** The agency that holds the plan (wrote it). */
  agencyId: z.string(),
  disclosureBasis,
  kind: z.string().nullable(),
  status: z.string().nullable(),
  createdAt: z.string().nullable(),
  version: z.number().nullable(),
  items: z.array(planItem),
});
const referral = z.object({
  id: z.string(),
  personId: z.string(),
  toAgencyId: z.string(),
  toAgencyName: z.string(),
  domain: z.string(),
  service: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  reason: z.string().nullable(),
  disclosureBasis: z.string(),
  statute: z.string().nullable(),
  consentId: z.string().nullable(),
  sentAt: z.string(),
  version: z.number(),
  /** The caller's agency sent it, nobody has answered it, and the caller may withdraw it. */
  mayWithdraw: z.boolean(),
});
const note = z.object({
  id: z.string(),
  aboutPersonId: z.string().nullable(),
  authorAgencyId: z.string(),
  authorName: z.string(),
  confidential: z.boolean(),
  body: z.string(),
  createdAt: z.string(),
});
const caseDocument = z.object({
  id: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  scanStatus: z.string(),
  confidential: z.boolean(),
  agencyId: z.string(),
  createdAt: z.string(),
});
const teamMember = z.object({
  userId: z.string(),
  displayName: z.string(),
  role: z.string(),
  agencyName: z.string(),
  addedAt: z.string(),
});

export const caseFileReplies = {
  created: createdReply,
  versioned: versionedReply,
  timeline: z.object({ events: z.array(timelineEvent) }),
  obligations: z.object({ obligations: z.array(obligation) }),
  plans: z.object({ plans: z.array(servicePlan) }),
  planCreated: z.object({ id: z.string(), itemIds: z.array(z.string()) }),
  referrals: z.object({ referrals: z.array(referral) }),
  referralSent: z.object({
    id: z.string(),
    disclosureBasis: z.string(),
    consentId: z.string().nullable(),
  }),
  notes: z.object({ notes: z.array(note) }),
  noteCreated: z.object({ id: z.string(), confidential: z.boolean() }),
  documents: z.object({ documents: z.array(caseDocument) }),
  documentCreated: z.object({
    id: z.string(),
    sizeBytes: z.number(),
    sha256: z.string(),
    scanStatus: z.string(),
  }),
  team: z.object({ team: z.array(teamMember) }),
  tip: z.object({
    tip: z
      .object({
        narrative: z.string().nullable(),
        contact: z.string().nullable(),
        receivedAt: z.string(),
      })
      .nullable(),
  }),
  personChanged: z.object({
    version: z.number(),
    /** The names of the fields that changed, never their values. */
    fields: z.array(z.string()),
  }),
  personAdded: z.object({ id: z.string(), version: z.number() }),
  statusChanged: z.object({
    version: z.number(),
    status: z.string(),
    /** Obligations retired with a reason in the same step as the close. */
    retired: z.number(),
  }),
};

export type CaseObligation = z.infer<typeof obligation>;
export type PlanItem = z.infer<typeof planItem>;
export type TimelineEvent = z.infer<typeof timelineEvent>;
export type ServicePlan = z.infer<typeof servicePlan>;
