import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { breakGlassInput } from "../../contract/coordination/inputs.ts";
import { CASE_ABILITY_NAMES } from "../../domain/abilities.ts";
import type { AppContext } from "../context.ts";
import { notFound } from "../errors.ts";
import { requireActor } from "../http/auth-hook.ts";
import { errorReply, flagsSchema } from "../http/error-schema.ts";
import { idParam } from "../http/id-param.ts";
import { CaseRepository } from "../repositories/case-repository.ts";
import { openBreakGlass } from "../use-cases/coordination/open-break-glass.ts";
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

const caseSummary = z.object({
  id: z.string(),
  caseNumber: z.string(),
  status: z.string(),
  source: z.string(),
  countyFips: z.string().nullable(),
  receivedAt: z.string(),
  determination: z.string().nullable(),
  agencyId: z.string(),
});

const identity = z.object({
  givenName: z.string().optional(),
  familyName: z.string().optional(),
  birthDate: z.string().optional(),
  phone: z.string().optional(),
  address: z.string().optional(),
});

const caseDetail = caseSummary.extend({
  version: z.number(),
  persons: z.array(
    z.object({
      id: z.string(),
      part: z.string(),
      holderAgencyId: z.string(),
      ageYears: z.number().nullable(),
      gender: z.string().nullable(),
      citizenship: z.string().nullable(),
      identity,
      withheld: z.array(z.string()),
      disclosureBasis: z.enum(["own_agency", "consent", "statutory_report", "none"]),
    }),
  ),
  outcome: z.string().nullable(),
  closedAt: z.string().nullable(),
  abilities: flagsSchema(CASE_ABILITY_NAMES),
});

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
          response: { 200: z.object({ cases: z.array(caseSummary) }), ...errors },
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
          response: { 200: caseDetail, ...errors },
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
          response: { 200: z.object({ expiresAt: z.string() }), ...errors },
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
          response: { 201: z.object({ id: z.string() }), ...errors },
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
          response: {
            200: z.object({
              consents: z.array(
                z.object({
                  id: z.string(),
                  recipientAgencyId: z.string(),
                  recipientAgencyName: z.string(),
                  categories: z.array(z.string()),
                  purpose: z.string(),
                  form: z.string(),
                  expiresAt: z.string(),
                  revokedAt: z.string().nullable(),
                  createdAt: z.string(),
                  valid: z.boolean(),
                }),
              ),
            }),
            ...errors,
          },
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
          response: {
            200: z.object({
              rows: z.array(
                z.object({
                  seq: z.number(),
                  at: z.string(),
                  actorUserId: z.string().nullable(),
                  actorAgencyId: z.string().nullable(),
                  actorRole: z.string().nullable(),
                  action: z.string(),
                  recordType: z.string().nullable(),
                  recordId: z.string().nullable(),
                  fields: z.array(z.string()),
                  clientIp: z.string().nullable(),
                  outcome: z.string(),
                  detail: z.record(z.string(), z.unknown()),
                }),
              ),
            }),
            ...errors,
          },
        },
      },
      async (req) => ({ rows: await readAuditLog(ctx, requireActor(req), req.query) }),
    );
  };
