import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
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
    const tags = ["rapid assessment teams"];
    r.get(
      "/api/v1/cases/:id/rat",
      {
        schema: {
          tags,
          summary: "The case's Rapid Assessment Team, seat by seat (null when none convened)",
          params: idParam,
          response: { 200: s.rat, ...errorReplies },
        },
      },
      async (req) => ({
        team: await getRapidAssessmentTeam(ctx, requireActor(req), req.params.id),
      }),
    );
    r.post(
      "/api/v1/cases/:id/rat",
      {
        schema: {
          tags,
          summary: "Convene the team: offers each seat to a certified member, on call first",
          params: idParam,
          body: formRatInput,
          response: { 201: s.ratView, ...errorReplies },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(await formRapidAssessmentTeam(ctx, requireActor(req), req.params.id, req.body)),
    );
    r.get(
      "/api/v1/cases/:id/rat/candidates",
      {
        schema: {
          tags,
          summary: "Who could take a seat: eligible first (on call first), then who cannot and why",
          params: idParam,
          querystring: seatCandidatesQuery,
          response: { 200: s.candidates, ...errorReplies },
        },
      },
      async (req) => ({
        candidates: await listSeatCandidates(ctx, requireActor(req), req.params.id, req.query.seat),
      }),
    );
    r.post(
      "/api/v1/cases/:id/rat/seats",
      {
        schema: {
          tags,
          summary: "Offer a seat to a chosen member (refused if their certification is not valid)",
          params: idParam,
          body: offerSeatInput,
          response: { 200: s.ratView, ...errorReplies },
        },
      },
      async (req) => offerRatSeat(ctx, requireActor(req), req.params.id, req.body),
    );
    r.post(
      "/api/v1/rat-seats/:id/respond",
      {
        schema: {
          tags,
          summary: "Accept or decline a seat offered to you",
          params: idParam,
          body: respondToSeatInput,
          response: { 200: s.seatResponse, ...errorReplies },
        },
      },
      async (req) => respondToRatSeat(ctx, requireActor(req), req.params.id, req.body),
    );
    r.get(
      "/api/v1/me/seat-offers",
      {
        schema: {
          tags,
          summary: "Seats offered to you and not yet answered",
          response: { 200: workReplies.seatOffers, ...errorReplies },
        },
      },
      async (req) => ({ offers: await listMySeatOffers(ctx, requireActor(req)) }),
    );
    r.post(
      "/api/v1/task-forces",
      {
        schema: {
          tags,
          summary: "Set up a task force",
          body: createTaskForceInput,
          response: { 201: s.created, ...errorReplies },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await createTaskForce(ctx, requireActor(req), req.body)),
    );
    r.get(
      "/api/v1/task-forces/:id",
      {
        schema: {
          tags,
          summary: "A task force: members, their certifications, the on-call roster",
          params: idParam,
          response: { 200: s.taskForce, ...errorReplies },
        },
      },
      async (req) => getTaskForce(ctx, requireActor(req), req.params.id),
    );
    r.post(
      "/api/v1/task-forces/:id/members",
      {
        schema: {
          tags,
          summary: "Add a member (by membership: a person in one agency and role)",
          params: idParam,
          body: addMemberInput,
          response: { 204: z.null(), ...errorReplies },
        },
      },
      async (req, reply) => {
        await addTaskForceMember(ctx, requireActor(req), req.params.id, req.body);
        return reply.code(204).send(null);
      },
    );
    r.post(
      "/api/v1/task-forces/:id/on-call",
      {
        schema: {
          tags,
          summary: "Put a member on call for a period",
          params: idParam,
          body: addShiftInput,
          response: { 201: s.created, ...errorReplies },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await addOnCallShift(ctx, requireActor(req), req.params.id, req.body)),
    );
    r.get(
      "/api/v1/users/:id/certifications",
      {
        schema: {
          tags,
          summary: "A person's certifications (their own, or as their administrator)",
          params: idParam,
          response: { 200: s.certifications, ...errorReplies },
        },
      },
      async (req) => ({
        certifications: await listCertifications(ctx, requireActor(req), req.params.id),
      }),
    );
    r.post(
      "/api/v1/users/:id/certifications",
      {
        schema: {
          tags,
          summary: "Record a certification with its issue and expiry dates",
          params: idParam,
          body: certificationInput,
          response: { 201: s.created, ...errorReplies },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(await recordCertification(ctx, requireActor(req), req.params.id, req.body)),
    );
  };
