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
import { errorReply } from "../http/error-schema.ts";
import { idParam } from "../http/id-param.ts";
import { reassessCase } from "../use-cases/intake/reassess-case.ts";
import { takeIntake } from "../use-cases/intake/take-intake.ts";
import { takePublicTip } from "../use-cases/intake/take-public-tip.ts";
import { closeObligation } from "../use-cases/obligations/close-obligation.ts";
import { listMyObligations } from "../use-cases/obligations/list-my-obligations.ts";
import { listOverdue } from "../use-cases/obligations/list-overdue.ts";
import type { PublicRateLimit } from "./assessments.ts";

const errors = {
  400: errorReply,
  401: errorReply,
  403: errorReply,
  404: errorReply,
  429: errorReply,
};

/** Intake (staff and public) and the caller's work queue. */
export const intakeRoutes =
  (ctx: AppContext, publicLimit: PublicRateLimit): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.post(
      "/api/v1/cases",
      {
        schema: {
          tags: ["cases"],
          summary: "Take in a case: people, facts, the stored assessment and its obligations",
          body: intakeInput,
          response: { 201: intakeReplies.intake, ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await takeIntake(ctx, requireActor(req), req.body)),
    );
    r.post(
      "/api/v1/tips",
      {
        config: { rateLimit: publicLimit },
        schema: {
          tags: ["cases"],
          summary: "Send a tip without signing in; answers with a receipt code, never with data",
          body: publicTipInput,
          response: { 201: intakeReplies.tipReceipt, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await takePublicTip(ctx, req.body)),
    );
    r.post(
      "/api/v1/cases/:id/assessments",
      {
        schema: {
          tags: ["cases"],
          summary:
            "Assess a case again with changed facts: adds and retires obligations, with the reason",
          params: idParam,
          body: reassessInput,
          response: { 200: intakeReplies.reassessed, 409: errorReply, ...errors },
        },
      },
      async (req) => reassessCase(ctx, requireActor(req), req.params.id, req.body),
    );
    r.post(
      "/api/v1/obligations/:id/close",
      {
        schema: {
          tags: ["cases"],
          summary: "Mark an obligation done (with evidence) or not applicable (with a reason)",
          params: idParam,
          body: closeObligationInput,
          response: { 200: intakeReplies.obligationClosed, 409: errorReply, ...errors },
        },
      },
      async (req) => closeObligation(ctx, requireActor(req), req.params.id, req.body),
    );
    r.get(
      "/api/v1/queues/overdue",
      {
        schema: {
          tags: ["cases"],
          summary:
            "Overdue obligations on the cases a task-force lead or the state coordinator oversees",
          querystring: oversightQueueQuery,
          response: { 200: workReplies.overdue, ...errors },
        },
      },
      async (req) => ({ obligations: await listOverdue(ctx, requireActor(req), req.query.limit) }),
    );
    r.get(
      "/api/v1/me/obligations",
      {
        schema: {
          tags: ["cases"],
          summary: "My open obligations, soonest due first",
          querystring: myObligationsQuery,
          response: { 200: workReplies.myObligations, ...errors },
        },
      },
      async (req) => ({
        obligations: await listMyObligations(ctx, requireActor(req), req.query.limit),
      }),
    );
  };
