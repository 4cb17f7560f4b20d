import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { auditReplies } from "../../contract/audit/replies.ts";
import { caseReplies as s } from "../../contract/cases/replies.ts";
import type { AppContext } from "../context.ts";
import { notFound } from "../errors.ts";
import { requireActor } from "../http/auth-hook.ts";
import { errorReply } from "../http/error-schema.ts";
import { idParam } from "../http/id-param.ts";
import { CaseRepository } from "../repositories/case-repository.ts";
import { breakGlassInput, openBreakGlass } from "../use-cases/open-break-glass.ts";
import { readAuditLog } from "../use-cases/read-audit-log.ts";
import {
  consentInput,
  listConsents,
  recordConsent,
  revokeConsent,
} from "../use-cases/record-consent.ts";

const errors = {
  400: errorReply,
  401: errorReply,
  403: errorReply,
  404: errorReply,
  409: errorReply,
};

const summary = (r: {
  id: string;
  case_number: string;
  status: string;
  source: string;
  county_fips: string | null;
  received_at: string;
  determination: string | null;
  agency_id: string;
}) => ({
  id: r.id,
  caseNumber: r.case_number,
  status: r.status,
  source: r.source,
  countyFips: r.county_fips,
  receivedAt: r.received_at,
  determination: r.determination,
  agencyId: r.agency_id,
});

/** The shared case file: every read goes through a repository bound to the caller. */
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
          querystring: z.object({
            limit: z.coerce.number().int().min(1).max(200).default(50),
            after: z.string().optional(),
          }),
          response: { 200: s.cases, ...errors },
        },
      },
      async (req) => {
        const rows = await new CaseRepository(ctx, requireActor(req)).list(req.query);
        return { cases: rows.map(summary) };
      },
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
      async (req) => {
        const view = await new CaseRepository(ctx, requireActor(req)).get(req.params.id);
        if (!view) throw notFound("case");
        return {
          ...summary(view.case),
          version: view.case.version,
          outcome: view.case.outcome,
          closedAt: view.case.closed_at,
          persons: view.persons,
          abilities: view.abilities,
        };
      },
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
          querystring: z.object({
            limit: z.coerce.number().int().min(1).max(500).default(100),
            before: z.coerce.number().int().optional(),
          }),
          response: { 200: auditReplies.rows, ...errors },
        },
      },
      async (req) => ({ rows: await readAuditLog(ctx, requireActor(req), req.query) }),
    );
  };
