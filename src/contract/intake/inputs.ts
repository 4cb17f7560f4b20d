import { z } from "zod";
import { factsSchema } from "../../domain/assessment/facts.ts";
import { CASE_SOURCES, CITIZENSHIPS, PERSON_PARTS, VENUES } from "../../domain/catalogues.ts";
import { countyByFips } from "../../domain/counties.ts";

/**
 * What the intake routes take (staff intake, the public tip, a new assessment) and what loaders
 * open cases with. Routes validate with these (and OpenAPI shows them); use cases receive the
 * parsed value.
 */
/** A way to reach a person, and whether it is safe to use (a trafficker may hold the phone). */
export const personContactInput = z.strictObject({
  kind: z.enum(["phone", "email"]),
  value: z.string().trim().min(3).max(200),
  /** False: "do not call / not safe to contact" on this channel. */
  safeToContact: z.boolean(),
});
export type PersonContactInput = z.output<typeof personContactInput>;

/** What may be said about one person, at intake or on the record after it. */
export const personFields = {
  givenName: z.string().trim().min(1).max(200).optional(),
  familyName: z.string().trim().min(1).max(200).optional(),
  birthDate: z.iso.date().optional(),
  phone: z.string().trim().min(3).max(40).optional(),
  address: z.string().trim().min(1).max(500).optional(),
  ageYears: z.number().int().min(0).max(120).optional(),
  gender: z.string().trim().min(1).max(50).optional(),
  citizenship: z.enum(CITIZENSHIPS).optional(),
  language: z.string().trim().min(2).max(50).optional(),
  /** Where the person is now, or their placement (a shelter, foster care); sealed. */
  placement: z.string().trim().min(1).max(500).optional(),
  contacts: z.array(personContactInput).max(10).optional(),
  /** For a guardian of a minor: not suspected of the abuse (may be told and involved). */
  nonOffending: z.boolean().optional(),
};

export type PersonField = keyof typeof personFields;
/** The fields a person's record holds, by name (an edit names those it changes or clears). */
export const PERSON_FIELD_NAMES = Object.keys(personFields) as [PersonField, ...PersonField[]];
/** A person's record as stored: every field optional (unknown). */
export type PersonValues = { [K in PersonField]?: z.output<(typeof personFields)[K]> };

const guardianOnly = (p: { part: string; nonOffending?: boolean | undefined }) =>
  p.nonOffending === undefined || p.part === "guardian";
const GUARDIAN_ONLY = {
  message: "Only a guardian is marked non-offending.",
  path: ["nonOffending"],
};

export const casePersonInput = z
  .strictObject({ part: z.enum(PERSON_PARTS), ...personFields })
  .refine(guardianOnly, GUARDIAN_ONLY);

/** A case as loaders and tests open it, without an assessment (intake adds one). */
export const openCaseInput = z.strictObject({
  agencyId: z.string().min(1),
  countyFips: z
    .string()
    .refine((f) => countyByFips(f) !== undefined, "must be a Mississippi county FIPS code")
    .optional(),
  source: z.enum(CASE_SOURCES),
  venue: z.enum(VENUES).optional(),
  receivedAt: z.iso.datetime({ offset: true }).optional(),
  determination: z.string().min(1).max(64).optional(),
  /** What was reported, in the reporter's words; sealed at rest, never logged. */
  narrative: z.string().trim().min(1).max(10000).optional(),
  persons: z.array(casePersonInput).max(50).default([]),
});
export type OpenCaseInput = z.input<typeof openCaseInput>;
export type OpenCaseFields = z.output<typeof openCaseInput>;

/** Staff intake: the case is held by the caller's agency and its determination is assessed. */
export const intakeInput = openCaseInput.omit({ agencyId: true, determination: true }).extend({
  facts: factsSchema.default({}),
});
export type IntakeInput = z.output<typeof intakeInput>;

export const publicTipInput = z.strictObject({
  countyFips: intakeInput.shape.countyFips,
  venue: intakeInput.shape.venue,
  facts: factsSchema.default({}),
  /** What the sender saw, in their words; stored encrypted, never logged. */
  narrative: z
    .string()
    .trim()
    .max(5000)
    // Only whitespace is no words: it reads as absent, and an empty tip is refused as a whole.
    .transform((text) => text || undefined)
    .optional(),
  /** How to reach the sender, if they want to be reached. */
  contact: z.string().trim().min(3).max(200).optional(),
});
export type PublicTipInput = z.output<typeof publicTipInput>;

export const reassessInput = z.strictObject({
  /** The case version the user saw; a stale one answers 409 and changes nothing. */
  version: z.number().int().min(1),
  facts: factsSchema,
  reason: z.string().trim().min(3).max(500),
});
export type ReassessInput = z.output<typeof reassessInput>;
