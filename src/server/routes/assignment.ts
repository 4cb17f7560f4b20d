import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  assignCaseInput,
  reassignObligationInput,
  takeObligationInput,
  transferCaseInput,
} from "../../contract/assignment/inputs.ts";
import { assignmentReplies as s } from "../../contract/assignment/replies.ts";
import type { AppContext } from "../context.ts";
import { requireActor } from "../http/auth-hook.ts";
import { errorReplies, errorReply } from "../http/error-schema.ts";
import { idParam } from "../http/id-param.ts";
import { routeDocs } from "../http/route-docs.ts";
import { assignCase } from "../use-cases/assignment/assign-case.ts";
import { listCaseWorkers } from "../use-cases/assignment/list-case-workers.ts";
import { reassignObligation } from "../use-cases/assignment/reassign-obligation.ts";
import { takeObligation } from "../use-cases/assignment/take-obligation.ts";
import { transferCase } from "../use-cases/assignment/transfer-case.ts";

const workersQuery = z.object({ agencyId: z.string().min(1).max(100).optional() });

/** Who answers for a case and its obligations: assign, transfer, take, reassign (issue 13). */
export const assignmentRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const route = routeDocs(["case file"], errorReplies);
    r.get(
      "/api/v1/cases/:id/workers",
      route(
        "Workers the case can be handed to (its agency's, or another agency's for a transfer)",
        { params: idParam, querystring: workersQuery },
        { 200: s.workers },
      ),
      async (req) => ({
        workers: await listCaseWorkers(ctx, requireActor(req), req.params.id, req.query.agencyId),
      }),
    );
    r.post(
      "/api/v1/cases/:id/assign",
      route(
        "Hand the case to a worker of the agency that holds it",
        { params: idParam, body: assignCaseInput },
        { 200: s.caseAssigned },
      ),
      async (req) => assignCase(ctx, requireActor(req), req.params.id, req.body),
    );
    r.post(
      "/api/v1/cases/:id/transfer",
      route(
        "Hand the case to another agency and a worker there",
        { params: idParam, body: transferCaseInput },
        { 200: s.caseAssigned },
      ),
      async (req) => transferCase(ctx, requireActor(req), req.params.id, req.body),
    );
    r.post(
      "/api/v1/obligations/:id/take",
      route(
        "Take an obligation waiting in your role's queue",
        { params: idParam, body: takeObligationInput },
        { 200: s.obligationOwner, 409: errorReply },
      ),
      async (req) => takeObligation(ctx, requireActor(req), req.params.id, req.body),
    );
    r.post(
      "/api/v1/obligations/:id/reassign",
      route(
        "Hand an obligation to a named worker of the agency holding the case",
        { params: idParam, body: reassignObligationInput },
        { 200: s.obligationOwner, 409: errorReply },
      ),
      async (req) => reassignObligation(ctx, requireActor(req), req.params.id, req.body),
    );
  };
