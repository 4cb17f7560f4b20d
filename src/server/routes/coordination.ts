import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  addMemberInput,
  addShiftInput,
  certificationInput,
  createTaskForceInput,
  formRatInput,
  offerSeatInput,
  respondToSeatInput,
  seatCandidatesQuery,
} from "../../contract/coordination/inputs.ts";
import { coordinationReplies as s } from "../../contract/coordination/replies.ts";
import { workReplies } from "../../contract/work/replies.ts";
import type { AppContext } from "../context.ts";
import { requireActor } from "../http/auth-hook.ts";
import { errorReplies } from "../http/error-schema.ts";
import { idParam } from "../http/id-param.ts";
import { noContent, routeDocs } from "../http/route-docs.ts";
import { addOnCallShift } from "../use-cases/coordination/add-on-call-shift.ts";
import { addTaskForceMember } from "../use-cases/coordination/add-task-force-member.ts";
import { createTaskForce } from "../use-cases/coordination/create-task-force.ts";
import { formRapidAssessmentTeam } from "../use-cases/coordination/form-rapid-assessment-team.ts";
import { getRapidAssessmentTeam } from "../use-cases/coordination/get-rapid-assessment-team.ts";
import { getTaskForce } from "../use-cases/coordination/get-task-force.ts";
import { listCertifications } from "../use-cases/coordination/list-certifications.ts";
import { listMySeatOffers } from "../use-cases/coordination/list-my-seat-offers.ts";
import { listSeatCandidates } from "../use-cases/coordination/list-seat-candidates.ts";
import { offerRatSeat } from "../use-cases/coordination/offer-rat-seat.ts";
import { recordCertification } from "../use-cases/coordination/record-certification.ts";
import { respondToRatSeat } from "../use-cases/coordination/respond-to-rat-seat.ts";

/** Rapid Assessment Teams, task forces with their on-call roster, and certifications. */
export const coordinationRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const route = routeDocs(["rapid assessment teams"], errorReplies);
    r.get(
      "/api/v1/cases/:id/rat",
      route(
        "The case's Rapid Assessment Team, seat by seat (null when none convened)",
        { params: idParam },
        { 200: s.rat },
      ),
      async (req) => ({
        team: await getRapidAssessmentTeam(ctx, requireActor(req), req.params.id),
      }),
    );
    r.post(
      "/api/v1/cases/:id/rat",
      route(
        "Convene the team: offers each seat to a certified member, on call first",
        { params: idParam, body: formRatInput },
        { 201: s.ratView },
      ),
      async (req, reply) =>
        reply
          .code(201)
          .send(await formRapidAssessmentTeam(ctx, requireActor(req), req.params.id, req.body)),
    );
    r.get(
      "/api/v1/cases/:id/rat/candidates",
      route(
        "Who could take a seat: eligible first (on call first), then who cannot and why",
        { params: idParam, querystring: seatCandidatesQuery },
        { 200: s.candidates },
      ),
      async (req) => ({
        candidates: await listSeatCandidates(ctx, requireActor(req), req.params.id, req.query.seat),
      }),
    );
    r.post(
      "/api/v1/cases/:id/rat/seats",
      route(
        "Offer a seat to a chosen member (refused if their certification is not valid)",
        { params: idParam, body: offerSeatInput },
        { 200: s.ratView },
      ),
      async (req) => offerRatSeat(ctx, requireActor(req), req.params.id, req.body),
    );
    r.post(
      "/api/v1/rat-seats/:id/respond",
      route(
        "Accept or decline a seat offered to you",
        { params: idParam, body: respondToSeatInput },
        { 200: s.seatResponse },
      ),
      async (req) => respondToRatSeat(ctx, requireActor(req), req.params.id, req.body),
    );
    r.get(
      "/api/v1/me/seat-offers",
      route("Seats offered to you and not yet answered", {}, { 200: workReplies.seatOffers }),
      async (req) => ({ offers: await listMySeatOffers(ctx, requireActor(req)) }),
    );
    r.post(
      "/api/v1/task-forces",
      route("Set up a task force", { body: createTaskForceInput }, { 201: s.created }),
      async (req, reply) =>
        reply.code(201).send(await createTaskForce(ctx, requireActor(req), req.body)),
    );
    r.get(
      "/api/v1/task-forces/:id",
      route(
        "A task force: members, their certifications, the on-call roster",
        { params: idParam },
        { 200: s.taskForce },
      ),
      async (req) => getTaskForce(ctx, requireActor(req), req.params.id),
    );
    r.post(
      "/api/v1/task-forces/:id/members",
      route(
        "Add a member (by membership: a person in one agency and role)",
        { params: idParam, body: addMemberInput },
        noContent,
      ),
      async (req, reply) => {
        await addTaskForceMember(ctx, requireActor(req), req.params.id, req.body);
        return reply.code(204).send(null);
      },
    );
    r.post(
      "/api/v1/task-forces/:id/on-call",
      route(
        "Put a member on call for a period",
        { params: idParam, body: addShiftInput },
        { 201: s.created },
      ),
      async (req, reply) =>
        reply.code(201).send(await addOnCallShift(ctx, requireActor(req), req.params.id, req.body)),
    );
    r.get(
      "/api/v1/users/:id/certifications",
      route(
        "A person's certifications (their own, or as their administrator)",
        { params: idParam },
        { 200: s.certifications },
      ),
      async (req) => ({
        certifications: await listCertifications(ctx, requireActor(req), req.params.id),
      }),
    );
    r.post(
      "/api/v1/users/:id/certifications",
      route(
        "Record a certification with its issue and expiry dates",
        { params: idParam, body: certificationInput },
        { 201: s.created },
      ),
      async (req, reply) =>
        reply
          .code(201)
          .send(await recordCertification(ctx, requireActor(req), req.params.id, req.body)),
    );
  };
