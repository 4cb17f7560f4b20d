import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { assessmentReplies as s } from "../../contract/assessment/replies.ts";
import { languageQuery, screeningStepInput } from "../../contract/screening/inputs.ts";
import { errorRepliesFor } from "../http/error-schema.ts";
import { routeDocs } from "../http/route-docs.ts";
import { getQuestionnaire } from "../use-cases/screening/get-questionnaire.ts";
import { takeScreeningStep } from "../use-cases/screening/take-screening-step.ts";
import type { PublicRateLimit } from "./assessments.ts";

/** The guided screening, public and stateless: nothing a person answers is stored. */
export const questionnaireRoutes =
  (limit: PublicRateLimit): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const route = routeDocs(["assessment"], {});
    r.get(
      "/api/v1/questionnaire",
      route(
        "The screening questionnaire in English or Spanish",
        { querystring: languageQuery },
        { 200: s.questionnaire },
      ),
      async (req) => getQuestionnaire(req.query.lang),
    );
    r.post(
      "/api/v1/screening/next",
      {
        config: { rateLimit: limit },
        ...route(
          "Given the answers so far, the assessment and the next most decisive question",
          { querystring: languageQuery, body: screeningStepInput },
          { 200: s.screeningStep, ...errorRepliesFor(400, 429) },
        ),
      },
      async (req) => takeScreeningStep(req.body.answers, req.query.lang),
    );
  };
