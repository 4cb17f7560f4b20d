import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { assessmentReplies } from "../../contract/assessment/replies.ts";
import { languageQuery } from "../../contract/screening/inputs.ts";
import { factsSchema } from "../../domain/assessment/facts.ts";
import { errorReply } from "../http/error-schema.ts";
import { assessSituation } from "../use-cases/screening/assess-situation.ts";

export interface PublicRateLimit {
  max: number;
  timeWindow: string;
}

export const assessmentRoutes =
  (limit: PublicRateLimit): FastifyPluginAsync =>
  async (app) => {
    app.withTypeProvider<ZodTypeProvider>().post(
      "/api/v1/assessments",
      {
        config: { rateLimit: limit },
        schema: {
          tags: ["assessment"],
          summary: "Assess a situation against Mississippi law (stores nothing, no login)",
          description:
            "Facts in (the request schema below), determination, required actions with whom to call and deadlines, offenses and a rationale with citations out. Rate-limited per client address.",
          querystring: languageQuery,
          body: factsSchema,
          response: { 200: assessmentReplies.assessment, 400: errorReply, 429: errorReply },
        },
      },
      async (req) => assessSituation(req.body, req.query.lang),
    );
  };
