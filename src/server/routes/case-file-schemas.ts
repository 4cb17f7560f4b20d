import { z } from "zod";

/** Response shapes of the case-file routes (OpenAPI and serialization). */
const obligation = z.object({
  id: z.string(),
  actionId: z.string(),
  ownerRole: z.string(),
  status: z.string(),
  dueAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  reason: z.string().nullable(),
  evidence: z.record(z.string(), z.unknown()).nullable(),
  version: z.number(),
  /** The caller may record this obligation's outcome (the policy's answer, not the client's). */
  mayClose: z.boolean(),
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
const identity = z.object({
  givenName: z.string().optional(),
  familyName: z.string().optional(),
  birthDate: z.string().optional(),
});

export const caseFileSchemas = {
  created: z.object({ id: z.string() }),
  versioned: z.object({ version: z.number() }),
  timeline: z.object({
    events: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        occurredAt: z.string(),
        actorUserId: z.string().nullable(),
        actorName: z.string().nullable(),
        data: z.record(z.string(), z.unknown()),
      }),
    ),
  }),
  obligations: z.object({ obligations: z.array(obligation) }),
  plans: z.object({
    plans: z.array(
      z.object({
        id: z.string(),
        personId: z.string(),
        /** The agency that holds the plan (wrote it). */
        agencyId: z.string(),
        /**
         * Why the caller sees what it sees: `own_agency` (theirs, or not held by victim
         * services), `consent` (the items of the consented categories), `statutory_report`
         * (CPS for a child: kind and status only), `none` (only that the agency holds a plan).
         */
        disclosureBasis: z.enum(["own_agency", "consent", "statutory_report", "none"]),
        kind: z.string().nullable(),
        status: z.string().nullable(),
        createdAt: z.string().nullable(),
        version: z.number().nullable(),
        items: z.array(planItem),
      }),
    ),
  }),
  planCreated: z.object({ id: z.string(), itemIds: z.array(z.string()) }),
  referrals: z.object({
    referrals: z.array(
      z.object({
        id: z.string(),
        personId: z.string(),
        toAgencyId: z.string(),
        toAgencyName: z.string(),
        domain: z.string(),
        service: z.string(),
        status: z.string(),
        reason: z.string().nullable(),
        disclosureBasis: z.string(),
        statute: z.string().nullable(),
        consentId: z.string().nullable(),
        sentAt: z.string(),
        version: z.number(),
      }),
    ),
  }),
  referralSent: z.object({
    id: z.string(),
    disclosureBasis: z.string(),
    consentId: z.string().nullable(),
  }),
  incomingReferrals: z.object({
    referrals: z.array(
      z.object({
        id: z.string(),
        caseNumber: z.string(),
        domain: z.string(),
        service: z.string(),
        status: z.string(),
        sentAt: z.string(),
        version: z.number(),
        disclosureBasis: z.string(),
        ageYears: z.number().nullable(),
        identity,
      }),
    ),
  }),
  notes: z.object({
    notes: z.array(
      z.object({
        id: z.string(),
        aboutPersonId: z.string().nullable(),
        authorAgencyId: z.string(),
        authorName: z.string(),
        confidential: z.boolean(),
        body: z.string(),
        createdAt: z.string(),
      }),
    ),
  }),
  noteCreated: z.object({ id: z.string(), confidential: z.boolean() }),
  documents: z.object({
    documents: z.array(
      z.object({
        id: z.string(),
        fileName: z.string(),
        mediaType: z.string(),
        sizeBytes: z.number(),
        sha256: z.string(),
        scanStatus: z.string(),
        confidential: z.boolean(),
        agencyId: z.string(),
        createdAt: z.string(),
      }),
    ),
  }),
  documentCreated: z.object({
    id: z.string(),
    sizeBytes: z.number(),
    sha256: z.string(),
    scanStatus: z.string(),
  }),
  team: z.object({
    team: z.array(
      z.object({
        userId: z.string(),
        displayName: z.string(),
        role: z.string(),
        agencyName: z.string(),
        addedAt: z.string(),
      }),
    ),
  }),
  tip: z.object({
    tip: z
      .object({
        narrative: z.string().nullable(),
        contact: z.string().nullable(),
        receivedAt: z.string(),
      })
      .nullable(),
  }),
  statusChanged: z.object({ version: z.number(), status: z.string() }),
  openCases: z.object({
    cases: z.array(
      z.object({
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
      }),
    ),
  }),
};
