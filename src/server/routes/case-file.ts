import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  addNoteInput,
  changeStatusInput,
  createPlanInput,
  planItemInput,
  respondToReferralInput,
  sendReferralInput,
  updatePlanItemInput,
  uploadDocumentQuery,
  withdrawReferralInput,
} from "../../contract/case-file/inputs.ts";
import { caseFileReplies as s } from "../../contract/case-file/replies.ts";
import { addTeamMemberInput } from "../../contract/coordination/inputs.ts";
import { DOCUMENT_TYPE_IDS } from "../../domain/coordination/documents.ts";
import type { AppContext } from "../context.ts";
import { requireActor } from "../http/auth-hook.ts";
import { attachmentDisposition } from "../http/content-disposition.ts";
import { errorReplies } from "../http/error-schema.ts";
import { idParam } from "../http/id-param.ts";
import { noContent, routeDocs } from "../http/route-docs.ts";
import { addCaseNote } from "../use-cases/case-file/add-case-note.ts";
import { addPlanItem } from "../use-cases/case-file/add-plan-item.ts";
import { changeCaseStatus } from "../use-cases/case-file/change-case-status.ts";
import { createServicePlan } from "../use-cases/case-file/create-service-plan.ts";
import { downloadDocument } from "../use-cases/case-file/download-document.ts";
import { listCaseDocuments } from "../use-cases/case-file/list-case-documents.ts";
import { listCaseNotes } from "../use-cases/case-file/list-case-notes.ts";
import { listCaseObligations } from "../use-cases/case-file/list-case-obligations.ts";
import { listCaseReferrals } from "../use-cases/case-file/list-case-referrals.ts";
import { listCaseTimeline } from "../use-cases/case-file/list-case-timeline.ts";
import { listServicePlans } from "../use-cases/case-file/list-service-plans.ts";
import { readTipMessage } from "../use-cases/case-file/read-tip-message.ts";
import { respondToReferral } from "../use-cases/case-file/respond-to-referral.ts";
import { sendReferral } from "../use-cases/case-file/send-referral.ts";
import { updatePlanItem } from "../use-cases/case-file/update-plan-item.ts";
import { uploadDocument } from "../use-cases/case-file/upload-document.ts";
import { withdrawReferral } from "../use-cases/case-file/withdraw-referral.ts";
import { addCaseTeamMember } from "../use-cases/coordination/add-case-team-member.ts";
import { listCaseTeam } from "../use-cases/coordination/list-case-team.ts";

const itemParams = z.object({ id: z.string(), itemId: z.string() });

/** The shared case file: plans, referrals, notes, documents, timeline, status, queues. */
export const caseFileRoutes =
  (ctx: AppContext, options: { maxUploadBytes: number }): FastifyPluginAsync =>
  async (app) => {
    // Uploads arrive as the raw file with its own media type; anything else is refused (415)
    // before the body is read. The size limit is enforced while reading, not after.
    for (const type of DOCUMENT_TYPE_IDS)
      app.addContentTypeParser(
        type,
        { parseAs: "buffer", bodyLimit: options.maxUploadBytes },
        (_r, body, done) => done(null, body),
      );
    const r = app.withTypeProvider<ZodTypeProvider>();
    const route = routeDocs(["case file"], errorReplies);
    r.get(
      "/api/v1/cases/:id/timeline",
      route("Every event on the case, oldest first", { params: idParam }, { 200: s.timeline }),
      async (req) => ({ events: await listCaseTimeline(ctx, requireActor(req), req.params.id) }),
    );
    r.get(
      "/api/v1/cases/:id/obligations",
      route(
        "The case's obligations with due times and evidence",
        { params: idParam },
        { 200: s.obligations },
      ),
      async (req) => ({
        obligations: await listCaseObligations(ctx, requireActor(req), req.params.id),
      }),
    );
    r.get(
      "/api/v1/cases/:id/plans",
      route(
        "Service plans (and the CPS specialized plan) with their items",
        { params: idParam },
        { 200: s.plans },
      ),
      async (req) => ({ plans: await listServicePlans(ctx, requireActor(req), req.params.id) }),
    );
    r.get(
      "/api/v1/cases/:id/referrals",
      route("Referrals sent for the case's people", { params: idParam }, { 200: s.referrals }),
      async (req) => ({
        referrals: await listCaseReferrals(ctx, requireActor(req), req.params.id),
      }),
    );
    r.get(
      "/api/v1/cases/:id/notes",
      route(
        "Notes the caller may read (confidential ones only with consent)",
        { params: idParam },
        { 200: s.notes },
      ),
      async (req) => ({ notes: await listCaseNotes(ctx, requireActor(req), req.params.id) }),
    );
    r.get(
      "/api/v1/cases/:id/team",
      route("Who works the case", { params: idParam }, { 200: s.team }),
      async (req) => ({ team: await listCaseTeam(ctx, requireActor(req), req.params.id) }),
    );
    r.post(
      "/api/v1/cases/:id/team",
      route(
        "Add someone to the case team (CPS or the task-force lead running the case)",
        { params: idParam, body: addTeamMemberInput },
        noContent,
      ),
      async (req, reply) => {
        await addCaseTeamMember(ctx, requireActor(req), req.params.id, req.body);
        return reply.code(204).send(null);
      },
    );
    r.get(
      "/api/v1/cases/:id/tip",
      route(
        "What the public sender wrote with the tip (null when nothing)",
        { params: idParam },
        { 200: s.tip },
      ),
      async (req) => ({ tip: await readTipMessage(ctx, requireActor(req), req.params.id) }),
    );
    r.get(
      "/api/v1/cases/:id/documents",
      route("Documents the caller may see", { params: idParam }, { 200: s.documents }),
      async (req) => ({
        documents: await listCaseDocuments(ctx, requireActor(req), req.params.id),
      }),
    );

    r.post(
      "/api/v1/cases/:id/plans",
      route(
        "Start a service plan or the CPS specialized plan for a victim",
        { params: idParam, body: createPlanInput },
        { 201: s.planCreated },
      ),
      async (req, reply) =>
        reply
          .code(201)
          .send(await createServicePlan(ctx, requireActor(req), req.params.id, req.body)),
    );
    r.post(
      "/api/v1/plans/:id/items",
      route(
        "Add a need, goal and service to a plan",
        { params: idParam, body: planItemInput },
        { 201: s.created },
      ),
      async (req, reply) =>
        reply.code(201).send(await addPlanItem(ctx, requireActor(req), req.params.id, req.body)),
    );
    r.patch(
      "/api/v1/plans/:id/items/:itemId",
      route(
        "Move a service along; a stale version answers 409",
        { params: itemParams, body: updatePlanItemInput },
        { 200: s.versioned },
      ),
      async (req) =>
        updatePlanItem(ctx, requireActor(req), req.params.id, req.params.itemId, req.body),
    );
    r.post(
      "/api/v1/cases/:id/referrals",
      route(
        "Refer a person to a provider; identity needs consent or a statute",
        { params: idParam, body: sendReferralInput },
        { 201: s.referralSent },
      ),
      async (req, reply) =>
        reply.code(201).send(await sendReferral(ctx, requireActor(req), req.params.id, req.body)),
    );
    r.post(
      "/api/v1/referrals/:id/respond",
      route(
        "Accept, decline (with a reason) or complete a referral to your agency",
        { params: idParam, body: respondToReferralInput },
        { 200: s.versioned },
      ),
      async (req) => respondToReferral(ctx, requireActor(req), req.params.id, req.body),
    );
    r.post(
      "/api/v1/referrals/:id/withdraw",
      route(
        "Withdraw a referral your agency sent that nobody has answered yet",
        { params: idParam, body: withdrawReferralInput },
        { 200: s.versioned },
      ),
      async (req) => withdrawReferral(ctx, requireActor(req), req.params.id, req.body),
    );
    r.post(
      "/api/v1/cases/:id/notes",
      route(
        "Add a note (victim-services notes are confidential by default)",
        { params: idParam, body: addNoteInput },
        { 201: s.noteCreated },
      ),
      async (req, reply) =>
        reply.code(201).send(await addCaseNote(ctx, requireActor(req), req.params.id, req.body)),
    );
    r.post(
      "/api/v1/cases/:id/documents",
      {
        bodyLimit: options.maxUploadBytes,
        ...route(
          `Upload a document as the raw body (${DOCUMENT_TYPE_IDS.join(", ")}); stored encrypted`,
          { params: idParam, querystring: uploadDocumentQuery },
          { 201: s.documentCreated },
        ),
      },
      async (req, reply) =>
        reply.code(201).send(
          await uploadDocument(ctx, requireActor(req), req.params.id, {
            query: req.query,
            mediaType: req.headers["content-type"] ?? "",
            content: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
            maxBytes: options.maxUploadBytes,
          }),
        ),
    );
    r.get(
      "/api/v1/documents/:id",
      // Raw bytes: no response schema applies to a 200 here, only to the error replies.
      route("Download a document (always as an attachment)", { params: idParam }, {}),
      async (req, reply) => {
        const doc = await downloadDocument(ctx, requireActor(req), req.params.id);
        return reply
          .header("content-type", doc.mediaType)
          .header("content-disposition", attachmentDisposition(doc.fileName))
          .header("cache-control", "no-store")
          .send(doc.content as never);
      },
    );
    r.post(
      "/api/v1/cases/:id/status",
      route(
        "Open, activate or close a case (closing records the outcome)",
        { params: idParam, body: changeStatusInput },
        { 200: s.statusChanged },
      ),
      async (req) => changeCaseStatus(ctx, requireActor(req), req.params.id, req.body),
    );
  };
