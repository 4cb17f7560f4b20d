import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { intakeInput, publicTipInput, reassessInput } from "../../contract/intake/inputs.ts";
import { intakeReplies } from "../../contract/intake/replies.ts";
import {
  closeObligationInput,
  myObligationsQuery,
  oversightQueueQuery,
} from "../../contract/obligations/inputs.ts";
import { workReplies } from "../../contract/work/replies.ts";
import type { AppContext } from "../context.ts";
import { requireActor } from "../http/auth-hook.ts";
import { errorRepliesFor, errorReply } from "../http/error-schema.ts";
import { idParam } from "../http/id-param.ts";
import { compiled } from "../http/reply-serializer.ts";
import { routeDocs } from "../http/route-docs.ts";
import { reassessCase } from "../use-cases/intake/reassess-case.ts";
import { takeIntake } from "../use-cases/intake/take-intake.ts";
import { takePublicTip } from "../use-cases/intake/take-public-tip.ts";
import { closeObligation } from "../use-cases/obligations/close-obligation.ts";
import { listMyObligations } from "../use-cases/obligations/list-my-obligations.ts";
import { listOverdue } from "../use-cases/obligations/list-overdue.ts";
import type { PublicRateLimit } from "./assessments.ts";

const errors = errorRepliesFor(400, 401, 403, 404, 429);

/** Intake (staff and public) and the caller's work queue. */
export const intakeRoutes =
  (ctx: AppContext, publicLimit: PublicRateLimit): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const route = routeDocs(["cases"], errors);
    r.post(
      "/api/v1/cases",
      route(
        "Take in a case: people, facts, the stored assessment and its obligations",
        { body: intakeInput },
        { 201: intakeReplies.intake },
      ),
      async (req, reply) =>
        reply.code(201).send(await takeIntake(ctx, requireActor(req), req.body)),
    );
    r.post(
      "/api/v1/tips",
      {
        config: { rateLimit: publicLimit },
        ...route(
          "Send a tip without signing in; answers with a receipt code, never with data",
          { body: publicTipInput },
          { 201: intakeReplies.tipReceipt },
        ),
      },
      async (req, reply) => reply.code(201).send(await takePublicTip(ctx, req.body)),
    );
    r.post(
      "/api/v1/cases/:id/assessments",
      route(
        "Assess a case again with changed facts: adds and retires obligations, with the reason",
        { params: idParam, body: reassessInput },
        { 200: intakeReplies.reassessed, 409: errorReply },
      ),
      async (req) => reassessCase(ctx, requireActor(req), req.params.id, req.body),
    );
    r.post(
      "/api/v1/obligations/:id/close",
      route(
        "Mark an obligation done (with evidence) or not applicable (with a reason)",
        { params: idParam, body: closeObligationInput },
        { 200: intakeReplies.obligationClosed, 409: errorReply },
      ),
      async (req) => closeObligation(ctx, requireActor(req), req.params.id, req.body),
    );
    r.get(
      "/api/v1/queues/overdue",
      route(
        "Overdue obligations on the cases a task-force lead or the state coordinator oversees",
        { querystring: oversightQueueQuery },
        { 200: workReplies.overdue },
      ),
      async (req) => ({ obligations: await listOverdue(ctx, requireActor(req), req.query.limit) }),
    );
    r.get(
      "/api/v1/me/obligations",
      route(
        "My open obligations, soonest due first",
        { querystring: myObligationsQuery },
        { 200: compiled(workReplies.myObligations) },
      ),
      async (req) => ({
        obligations: await listMyObligations(ctx, requireActor(req), req.query.limit),
      }),
    );
  };
