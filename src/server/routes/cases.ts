import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { readAuditLogQuery } from "../../contract/audit/inputs.ts";
import { auditReplies } from "../../contract/audit/replies.ts";
import { listCasesQuery } from "../../contract/case-file/inputs.ts";
import { caseReplies as s } from "../../contract/cases/replies.ts";
import { consentInput } from "../../contract/consent/inputs.ts";
import { breakGlassInput } from "../../contract/coordination/inputs.ts";
import type { AppContext } from "../context.ts";
import { requireActor } from "../http/auth-hook.ts";
import { errorReply } from "../http/error-schema.ts";
import { idParam } from "../http/id-param.ts";
import { readAuditLog } from "../use-cases/audit/read-audit-log.ts";
import { listCases } from "../use-cases/case-file/list-cases.ts";
import { readCase } from "../use-cases/case-file/read-case.ts";
import { listConsents } from "../use-cases/consent/list-consents.ts";
import { recordConsent } from "../use-cases/consent/record-consent.ts";
import { revokeConsent } from "../use-cases/consent/revoke-consent.ts";
import { openBreakGlass } from "../use-cases/coordination/open-break-glass.ts";

const errors = {
  400: errorReply,
  401: errorReply,
  403: errorReply,
  404: errorReply,
  409: errorReply,
};

/** The shared case file: every read is a unit of work with repositories bound to the caller. */
export const caseRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      "/api/v1/cases",
      {
        schema: {
          tags: ["cases"],
          summary: "Cases within the caller's scope, newest first",
          querystring: listCasesQuery,
          response: { 200: s.cases, ...errors },
        },
      },
      async (req) => ({ cases: await listCases(ctx, requireActor(req), req.query) }),
    );
    r.get(
      "/api/v1/cases/:id",
      {
        schema: {
          tags: ["cases"],
          summary: "One case with its people; identity only where the policy allows",
          params: idParam,
          response: { 200: s.caseDetail, ...errors },
        },
      },
      async (req) => readCase(ctx, requireActor(req), req.params.id),
    );
    r.post(
      "/api/v1/cases/:id/break-glass",
      {
        schema: {
          tags: ["cases"],
          summary:
            "Emergency access to a case outside your scope (reason required, audited, time-limited)",
          params: idParam,
          body: breakGlassInput,
          response: { 200: s.breakGlass, ...errors },
        },
      },
      async (req) => openBreakGlass(ctx, requireActor(req), req.params.id, req.body),
    );
    r.post(
      "/api/v1/persons/:id/consents",
      {
        schema: {
          tags: ["consent"],
          summary: "Record a written, time-limited consent to share a victim-services record",
          params: idParam,
          body: consentInput,
          response: { 201: s.consentRecorded, ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await recordConsent(ctx, requireActor(req), req.params.id, req.body)),
    );
    r.get(
      "/api/v1/persons/:id/consents",
      {
        schema: {
          tags: ["consent"],
          summary: "A person's consent records (the holding agency's advocates)",
          params: idParam,
          response: { 200: s.consents, ...errors },
        },
      },
      async (req) => ({ consents: await listConsents(ctx, requireActor(req), req.params.id) }),
    );
    r.post(
      "/api/v1/consents/:id/revoke",
      {
        schema: {
          tags: ["consent"],
          summary: "Revoke a consent: disclosure stops at once",
          params: idParam,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await revokeConsent(ctx, requireActor(req), req.params.id);
        return reply.code(204).send(null);
      },
    );
    r.get(
      "/api/v1/audit",
      {
        schema: {
          tags: ["audit"],
          summary:
            "The audit trail (agency administrators: their agency; system administrators: all)",
          querystring: readAuditLogQuery,
          response: { 200: auditReplies.rows, ...errors },
        },
      },
      async (req) => ({ rows: await readAuditLog(ctx, requireActor(req), req.query) }),
    );
  };
