import { z } from "zod";
import { CITIZENSHIPS } from "../catalogues.ts";
import { describeIssue } from "../validation.ts";
import { INDICATOR_IDS } from "./indicators.ts";

/**
 * The facts document of ../shared/assessment/CONTRACT.md. Every field is optional; a boolean is
 * three-valued (true, false, or null/absent for "not known yet"); unknown keys are an error.
 */
const tri = z.boolean({ message: "must be true, false or null" }).nullable().optional();

export const factsSchema = z.strictObject({
  subject: z
    .strictObject({
      age: z
        .number({ message: "must be a number of whole years" })
        .int("must be a whole number of years")
        .min(0, "must be between 0 and 120")
        .max(120, "must be between 0 and 120")
        .nullable()
        .optional(),
      ageGroup: z
        .enum(["minor", "adult"], { message: 'must be "minor" or "adult"' })
        .nullable()
        .optional(),
      citizenship: z
        .enum(CITIZENSHIPS, { message: `must be one of ${CITIZENSHIPS.join(", ")}` })
        .nullable()
        .optional(),
      consented: tri,
    })
    .optional(),
  sex: z
    .strictObject({
      act: tri,
      valueExchanged: tri,
      explicitPerformance: tri,
      explicitMaterial: tri,
    })
    .optional(),
  labor: z
    .strictObject({
      performed: tri,
      sector: z
        .string({ message: "must be text" })
        .max(200, "must be at most 200 characters")
        .nullable()
        .optional(),
    })
    .optional(),
  means: z.strictObject({ force: tri, fraud: tri, coercion: tri }).optional(),
  indicators: z
    .array(z.enum(INDICATOR_IDS, { message: "is not an indicator id of the catalogue" }), {
      message: "must be a list of indicator ids",
    })
    .max(INDICATOR_IDS.length * 2, "has too many entries")
    .optional(),
  context: z
    .strictObject({
      crossesStateLines: tri,
      minorInCustodyForProstitution: tri,
      believedAdult: tri,
    })
    .optional(),
});

export type Facts = z.output<typeof factsSchema>;

/** Bad input: which field, and what is wrong with it. */
export class FactsError extends Error {
  override name = "FactsError";
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}

/** Validates an already-parsed JSON value. Throws FactsError naming the first bad field. */
export function parseFacts(value: unknown): Facts {
  const result = factsSchema.safeParse(value);
  if (!result.success) {
    const { field, problem } = describeIssue(result.error.issues[0] as z.core.$ZodIssue, "facts");
    throw new FactsError(field, problem);
  }
  return result.data as Facts;
}

/** Parses JSON text, then validates it. */
export function parseFactsJson(text: string): Facts {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const reason = e instanceof Error ? e.message.split("\n")[0] : "syntax error";
    throw new FactsError("input", `is not valid JSON (${reason})`);
  }
  return parseFacts(value);
}
