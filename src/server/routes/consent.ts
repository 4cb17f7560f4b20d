import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { consentStepQuery } from "../../contract/consent/inputs.ts";
import { consentReplies as s } from "../../contract/consent/replies.ts";
import type { AppContext } from "../context.ts";
import { requireActor } from "../http/auth-hook.ts";
import { errorRepliesFor } from "../http/error-schema.ts";
import { idParam } from "../http/id-param.ts";
import { routeDocs } from "../http/route-docs.ts";
import { findConsentStep } from "../use-cases/consent/find-consent-step.ts";

const errors = errorRepliesFor(400, 401, 403, 404);

/** The consent step a disclosure needs: who records the person's consent, linked from the page. */
export const consentRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const consent = routeDocs(["consent"], errors);
    r.get(
      "/api/v1/cases/:id/consent-step",
      consent(
        "Who records the consent a referral with the person's name needs",
        { params: idParam, querystring: consentStepQuery },
        { 200: s.consentStep },
      ),
      async (req) => findConsentStep(ctx, requireActor(req), req.params.id, req.query),
    );
  };
