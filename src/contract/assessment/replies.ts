import { z } from "zod";
import { factsSchema } from "../../domain/assessment/facts.ts";
import { assessmentSchema } from "../../domain/assessment/output-schema.ts";
import { LANGUAGES } from "../../domain/i18n/index.ts";

/** What the public assessment and guided screening answer (nothing a person sends is stored). */

const option = z.object({ value: z.string(), label: z.string() });
const question = z.object({
  id: z.string(),
  section: z.string(),
  kind: z.enum(["yes_no", "age", "choice"]),
  text: z.string(),
  help: z.string(),
  options: z.array(option),
  number: z.object({ min: z.number(), max: z.number(), label: z.string() }).optional(),
  settles: z.array(z.string()),
});
const questionnaire = z.object({
  version: z.string(),
  lang: z.enum(LANGUAGES),
  title: z.string(),
  intro: z.string(),
  emergency: z.string(),
  done: z.string(),
  opening: z.array(z.string()),
  sections: z.array(z.object({ id: z.string(), title: z.string() })),
  questions: z.array(question),
});
const screeningStep = z.object({
  next: z.string().nullable().describe("id of the next question to ask, or null when done"),
  answered: z.number(),
  facts: factsSchema,
  assessment: assessmentSchema,
});

export const assessmentReplies = {
  /** The engine's answer; its schema lives beside the engine in src/domain. */
  assessment: assessmentSchema,
  questionnaire,
  screeningStep,
};

export type Question = z.infer<typeof question>;
export type Questionnaire = z.infer<typeof questionnaire>;
export type ScreeningStep = z.infer<typeof screeningStep>;
