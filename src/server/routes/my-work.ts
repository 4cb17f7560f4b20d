import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { updateMeInput } from "../../contract/accounts/inputs.ts";
import { authReplies } from "../../contract/auth/replies.ts";
import { oversightQueueQuery } from "../../contract/obligations/inputs.ts";
import { workReplies as s } from "../../contract/work/replies.ts";
import type { AppContext } from "../context.ts";
import { requireActor } from "../http/auth-hook.ts";
import { errorReplies } from "../http/error-schema.ts";
import { routeDocs } from "../http/route-docs.ts";
import { updateMe } from "../use-cases/accounts/update-me.ts";
import { listIncomingReferrals } from "../use-cases/case-file/list-incoming-referrals.ts";
import { listOpenCases } from "../use-cases/obligations/list-open-cases.ts";

/** The caller's own queues and preferences (the obligation queues live in intake.ts). */
export const myWorkRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const route = routeDocs(["case file"], errorReplies);
    const account = routeDocs(["auth"], errorReplies);
    r.get(
      "/api/v1/queues/open-cases",
      route(
        "Open cases the caller oversees, with open and overdue obligations",
        { querystring: oversightQueueQuery },
        { 200: s.openCases },
      ),
      async (req) => ({ cases: await listOpenCases(ctx, requireActor(req), req.query.limit) }),
    );
    r.get(
      "/api/v1/me/referrals",
      route("Referrals waiting on your agency", {}, { 200: s.incomingReferrals }),
      async (req) => ({ referrals: await listIncomingReferrals(ctx, requireActor(req)) }),
    );
    r.patch(
      "/api/v1/me",
      account(
        "Your preferences (language)",
        { body: updateMeInput },
        { 200: authReplies.preferences },
      ),
      async (req) => updateMe(ctx, requireActor(req), req.body),
    );
  };
