import { z } from "zod";
import { ACTION_IDS, DETERMINATIONS, NIBRS_CODES, OFFENSES } from "./vocabulary.ts";

/** The assessment's wire shape (OpenAPI, response validation). Mirrors `Assessment`. */
export const assessmentSchema = z.object({
  engineVersion: z.string(),
  determination: z.enum(DETERMINATIONS),
  determinationLabel: z.string(),
  age: z.object({
    status: z.enum(["minor", "adult", "unknown"]),
    basis: z.enum(["age", "ageGroup"]).nullable(),
  }),
  actions: z.array(z.enum(ACTION_IDS)),
  actionDetails: z.array(
    z.object({
      id: z.enum(ACTION_IDS),
      label: z.string(),
      contact: z.string(),
      phone: z.string().nullable(),
      tel: z.string().nullable(),
      deadline: z.string(),
      deadlineHours: z.number().nullable(),
      citation: z.string(),
    }),
  ),
  offenses: z.array(z.enum(OFFENSES)),
  nibrs: z.array(z.enum(NIBRS_CODES)),
  rationale: z.array(
    z.object({
      rule: z.string(),
      contractRule: z.number(),
      text: z.string(),
      citation: z.string(),
    }),
  ),
  missing: z
    .array(z.string())
    .describe("Facts whose answer could change the result, most decisive first"),
});
