import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { auditFilters, readAuditLogQuery } from "../../contract/audit/inputs.ts";
import { auditReplies } from "../../contract/audit/replies.ts";
import { caseloadQuery } from "../../contract/cases/inputs.ts";
import { caseReplies as s } from "../../contract/cases/replies.ts";
import { consentInput } from "../../contract/consent/inputs.ts";
import { breakGlassInput } from "../../contract/coordination/inputs.ts";
import type { AppContext } from "../context.ts";
import { streamAuditCsv } from "../http/audit-csv.ts";
import { requireActor } from "../http/auth-hook.ts";
import { errorRepliesFor } from "../http/error-schema.ts";
import { idParam } from "../http/id-param.ts";
import { compiled } from "../http/reply-serializer.ts";
import { noContent, routeDocs } from "../http/route-docs.ts";
import { readAuditLog } from "../use-cases/audit/read-audit-log.ts";
import { listCases } from "../use-cases/case-file/list-cases.ts";
import { readCase } from "../use-cases/case-file/read-case.ts";
import { listConsents } from "../use-cases/consent/list-consents.ts";
import { recordConsent } from "../use-cases/consent/record-consent.ts";
import { revokeConsent } from "../use-cases/consent/revoke-consent.ts";
import { openBreakGlass } from "../use-cases/coordination/open-break-glass.ts";

const errors = errorRepliesFor(400, 401, 403, 404, 409);

/** The shared case file: every read is a unit of work with repositories bound to the caller. */
export const caseRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const cases = routeDocs(["cases"], errors);
    const consent = routeDocs(["consent"], errors);
    const audit = routeDocs(["audit"], errors);
    r.get(
      "/api/v1/cases",
      cases(
        "The caller's caseload: cases in scope, most urgent first, filtered, searched, paged",
        { querystring: caseloadQuery },
        { 200: s.cases },
      ),
      async (req) => listCases(ctx, requireActor(req), req.query),
    );
    r.get(
      "/api/v1/cases/:id",
      cases(
        "One case with its people; identity only where the policy allows",
        { params: idParam },
        { 200: compiled(s.caseDetail) },
      ),
      async (req) => readCase(ctx, requireActor(req), req.params.id),
    );
    r.post(
      "/api/v1/cases/:id/break-glass",
      cases(
        "Emergency access to a case outside your scope (reason required, audited, time-limited)",
        { params: idParam, body: breakGlassInput },
        { 200: s.breakGlass },
      ),
      async (req) => openBreakGlass(ctx, requireActor(req), req.params.id, req.body),
    );
    r.post(
      "/api/v1/persons/:id/consents",
      consent(
        "Record a written, time-limited consent to share a victim-services record",
        { params: idParam, body: consentInput },
        { 201: s.consentRecorded },
      ),
      async (req, reply) =>
        reply.code(201).send(await recordConsent(ctx, requireActor(req), req.params.id, req.body)),
    );
    r.get(
      "/api/v1/persons/:id/consents",
      consent(
        "A person's consent records (the holding agency's advocates)",
        { params: idParam },
        { 200: s.consents },
      ),
      async (req) => ({ consents: await listConsents(ctx, requireActor(req), req.params.id) }),
    );
    r.post(
      "/api/v1/consents/:id/revoke",
      consent("Revoke a consent: disclosure stops at once", { params: idParam }, noContent),
      async (req, reply) => {
        await revokeConsent(ctx, requireActor(req), req.params.id);
        return reply.code(204).send(null);
      },
    );
    r.get(
      "/api/v1/audit",
      audit(
        "The audit trail in words (agency administrators: their agency; system administrators and the state coordinator: all), filtered",
        { querystring: readAuditLogQuery },
        { 200: auditReplies.rows },
      ),
      async (req) => ({ rows: await readAuditLog(ctx, requireActor(req), req.query) }),
    );
    r.get(
      "/api/v1/audit/export.csv",
      // A CSV file streamed page by page: no response schema applies to the 200, only to errors.
      audit(
        "The audit trail as a CSV file, with the same filters (the export is audited)",
        { querystring: auditFilters },
        {},
      ),
      async (req, reply) => streamAuditCsv(ctx, requireActor(req), req.query, reply),
    );
  };
