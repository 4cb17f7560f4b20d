import { z } from "zod";
import { LANGUAGES } from "../../domain/i18n/index.ts";

/**
 * What the public assessment and screening routes take besides the facts (whose schema is the
 * assessment contract's own, `domain/assessment/facts.ts`): the language, and the answers so far.
 */
export const languageQuery = z.object({ lang: z.enum(LANGUAGES).default("en") });
export type LanguageQuery = z.output<typeof languageQuery>;

export const screeningStepInput = z.strictObject({
  answers: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});
export type ScreeningStepInput = z.output<typeof screeningStepInput>;
