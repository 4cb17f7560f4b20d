import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { assessmentReplies as s } from "../../contract/assessment/replies.ts";
import { LANGUAGES } from "../../domain/i18n/index.ts";
import { errorReply } from "../http/error-schema.ts";
import { getQuestionnaire } from "../use-cases/get-questionnaire.ts";
import { takeScreeningStep } from "../use-cases/take-screening-step.ts";
import type { PublicRateLimit } from "./assessments.ts";

const lang = z.object({ lang: z.enum(LANGUAGES).default("en") });

const stepBody = z.strictObject({
  answers: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
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
          querystring: lang,
          response: { 200: s.questionnaire },
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
          querystring: lang,
          body: stepBody,
          response: { 200: s.screeningStep, 400: errorReply, 429: errorReply },
        },
      },
      async (req) => takeScreeningStep(req.body.answers, req.query.lang),
    );
  };
