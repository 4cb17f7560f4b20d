import { z } from "zod";
import { CASE_ABILITY_NAMES } from "../../domain/abilities.ts";
import { createdReply, disclosureBasis, flagsSchema } from "../common.ts";

/** What the case routes answer: the case list, one case with its people, consent records. */

const caseSummary = z.object({
  id: z.string(),
  caseNumber: z.string(),
  status: z.string(),
  source: z.string(),
  countyFips: z.string().nullable(),
  receivedAt: z.string(),
  determination: z.string().nullable(),
  agencyId: z.string(),
});

/** Only the identity fields the policy discloses are present; the others are in `withheld`. */
const identity = z.object({
  givenName: z.string().optional(),
  familyName: z.string().optional(),
  birthDate: z.string().optional(),
  phone: z.string().optional(),
  address: z.string().optional(),
});

const casePerson = z.object({
  id: z.string(),
  part: z.string(),
  holderAgencyId: z.string(),
  /** The record's version: an edit or removal names the one it saw (409 when stale). */
  version: z.number(),
  ageYears: z.number().nullable(),
  gender: z.string().nullable(),
  citizenship: z.string().nullable(),
  language: z.string().nullable(),
  nonOffending: z.boolean().nullable(),
  /** Shown with the address (where the person can be found); null when withheld or unknown. */
  placement: z.string().nullable(),
  /** Shown with the phone; empty when withheld or none. */
  contacts: z.array(
    z.object({ kind: z.enum(["phone", "email"]), value: z.string(), safeToContact: z.boolean() }),
  ),
  identity,
  withheld: z.array(z.string()),
  disclosureBasis,
});

// The three objects below are absent rather than null: the case detail's compiled serializer
// cannot hold a union, and a nullable object is one (http/reply-serializer.ts).

/** The case's assigned worker at its holding agency (staff data), absent until assigned. */
const assignedWorker = z.object({ userId: z.string(), displayName: z.string() }).optional();

/** The most urgent open obligation's clock (`dueState` of domain/obligation-urgency.ts). */
const nextDue = z
  .object({ actionId: z.string(), dueAt: z.string(), dueState: z.string() })
  .optional();

/**
 * What the report said: where it happened and, for a public tip, the sender's own words and
 * how to reach them. Absent unless the policy discloses it to the caller (`readTip`).
 */
const caseReport = z
  .object({
    venue: z.string().nullable(),
    narrative: z.string().nullable(),
    contact: z.string().nullable(),
  })
  .optional();

const caseDetail = caseSummary.extend({
  version: z.number(),
  persons: z.array(casePerson),
  outcome: z.string().nullable(),
  closedAt: z.string().nullable(),
  nextDueAt: z.string().nullable(),
  abilities: flagsSchema(CASE_ABILITY_NAMES),
  /** What was reported, for those who read the case file; null otherwise or when none. */
  narrative: z.string().nullable(),
  // Optional fields last: the compiled serializer writes them after the required ones.
  assignedWorker,
  nextDue,
  tip: caseReport,
});

const consentRecord = z.object({
  id: z.string(),
  recipientAgencyId: z.string(),
  recipientAgencyName: z.string(),
  categories: z.array(z.string()),
  purpose: z.string(),
  form: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
  valid: z.boolean(),
});

/** A caseload row: the case, who answers for it (display name only) and how urgent it is. */
const caseloadRow = caseSummary.extend({
  assignedWorker: z.string().nullable(),
  nextDueAt: z.string().nullable(),
  dueState: z.enum(["no_deadline", "due_now", "due", "overdue"]),
  ratFormed: z.boolean(),
  openObligations: z.number(),
});

export const caseReplies = {
  /**
   * `possibleDuplicateElsewhere`: a name and birth-date search matched a person on a case the
   * caller cannot see. Only that bit: no count, no case, no agency.
   */
  cases: z.object({
    cases: z.array(caseloadRow),
    nextCursor: z.string().nullable(),
    possibleDuplicateElsewhere: z.boolean(),
  }),
  caseDetail,
  breakGlass: z.object({ expiresAt: z.string() }),
  consentRecorded: createdReply,
  consents: z.object({ consents: z.array(consentRecord) }),
};

export type CasePerson = z.infer<typeof casePerson>;
export type CaseDetail = z.infer<typeof caseDetail>;
export type CaseloadReply = z.infer<typeof caseReplies.cases>;
export type CaseloadRow = z.infer<typeof caseloadRow>;
