import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { languageQuery, screeningStepInput } from "../../contract/screening/inputs.ts";
import { factsSchema } from "../../domain/assessment/facts.ts";
import { assessmentSchema } from "../../domain/assessment/output-schema.ts";
import { LANGUAGES } from "../../domain/i18n/index.ts";
import { errorReply } from "../http/error-schema.ts";
import { getQuestionnaire } from "../use-cases/screening/get-questionnaire.ts";
import { takeScreeningStep } from "../use-cases/screening/take-screening-step.ts";
import type { PublicRateLimit } from "./assessments.ts";

const option = z.object({ value: z.string(), label: z.string() });
const questionnaireReply = z.object({
  version: z.string(),
  lang: z.enum(LANGUAGES),
  title: z.string(),
  intro: z.string(),
  emergency: z.string(),
  done: z.string(),
  opening: z.array(z.string()),
  sections: z.array(z.object({ id: z.string(), title: z.string() })),
  questions: z.array(
    z.object({
      id: z.string(),
      section: z.string(),
      kind: z.enum(["yes_no", "age", "choice"]),
      text: z.string(),
      help: z.string(),
      options: z.array(option),
      number: z.object({ min: z.number(), max: z.number(), label: z.string() }).optional(),
      settles: z.array(z.string()),
    }),
  ),
});

const stepReply = z.object({
  next: z.string().nullable().describe("id of the next question to ask, or null when done"),
  answered: z.number(),
  facts: factsSchema,
  assessment: assessmentSchema,
});

/** The guided screening, public and stateless: nothing a person answers is stored. */
export const questionnaireRoutes =
  (limit: PublicRateLimit): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      "/api/v1/questionnaire",
      {
        schema: {
          tags: ["assessment"],
          summary: "The screening questionnaire in English or Spanish",
          querystring: languageQuery,
          response: { 200: questionnaireReply },
        },
      },
      async (req) => getQuestionnaire(req.query.lang),
    );
    r.post(
      "/api/v1/screening/next",
      {
        config: { rateLimit: limit },
        schema: {
          tags: ["assessment"],
          summary: "Given the answers so far, the assessment and the next most decisive question",
          querystring: languageQuery,
          body: screeningStepInput,
          response: { 200: stepReply, 400: errorReply, 429: errorReply },
        },
      },
      async (req) => takeScreeningStep(req.body.answers, req.query.lang),
    );
  };
