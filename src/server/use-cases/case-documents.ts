import { createHash } from "node:crypto";
import { z } from "zod";
import {
  DOCUMENT_TYPE_IDS,
  DOCUMENT_TYPES,
  isDocumentType,
  servedFileName,
} from "../../domain/coordination/documents.ts";
import { type Actor, auditContextFor } from "../access/actor.ts";
import { caseFileEntryVisible, confidentialByDefault } from "../access/policy.ts";
import { appendAudit } from "../audit/audit-log.ts";
import { denied } from "../audit/record-denial.ts";
import type { AppContext } from "../context.ts";
import { NO_SCANNER } from "../documents/scanner.ts";
import { AppError, badRequest, notFound } from "../errors.ts";
import { newId } from "../ids.ts";
import { caseForAction } from "../repositories/case-access.ts";
import { personOnCase } from "../repositories/case-persons.ts";
import { appendCaseEvent } from "../repositories/cases.ts";
import { openText, sealText } from "../repositories/sealed-text.ts";

export const uploadQuery = z.strictObject({
  name: z.string().trim().min(1).max(255),
  aboutPersonId: z.string().min(1).max(100).optional(),
  confidential: z.enum(["true", "false"]).optional(),
});

/** Victim-services records are confidential to their agency unless the writer says otherwise. */
export function confidentialUnlessSaid(actor: Actor, requested: boolean | undefined): boolean {
  return requested ?? confidentialByDefault(actor);
}

export async function uploadDocument(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  upload: {
    query: z.input<typeof uploadQuery>;
    mediaType: string;
    content: Buffer;
    maxBytes: number;
  },
): Promise<{ id: string; sizeBytes: number; sha256: string; scanStatus: string }> {
  const query = uploadQuery.parse(upload.query);
  await caseForAction(ctx, ctx.db.kysely, actor, caseId, "document.upload", "uploadDocument");
  const mediaType = upload.mediaType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!isDocumentType(mediaType))
    throw new AppError(
      "unsupported_media_type",
      `Documents must be one of: ${DOCUMENT_TYPE_IDS.join(", ")}.`,
      "content-type",
    );
  if (upload.content.length === 0) throw badRequest("The document is empty.", "body");
  if (upload.content.length > upload.maxBytes)
    throw new AppError("payload_too_large", `Documents may be at most ${upload.maxBytes} bytes.`);
  if (!DOCUMENT_TYPES[mediaType].matches(upload.content))
    throw new AppError(
      "content_mismatch",
      `The file's content is not ${mediaType}.`,
      "content-type",
    );
  const scanner = ctx.scanner ?? NO_SCANNER;
  const verdict = await scanner.scan(upload.content, mediaType);
  if (verdict === "infected") {
    const error = new AppError("document_infected", "The scanner found malware in this file.");
    throw await denied(
      ctx,
      actor,
      { action: "document.upload", recordType: "case", recordId: caseId },
      error,
    );
  }
  const nowIso = ctx.clock.now().toISOString();
  const id = newId();
  const sha256 = createHash("sha256").update(upload.content).digest("hex");
  await ctx.db.kysely.transaction().execute(async (trx) => {
    if (query.aboutPersonId !== undefined)
      await personOnCase(trx, caseId, query.aboutPersonId, "aboutPersonId");
    await trx
      .insertInto("case_documents")
      .values({
        id,
        case_id: caseId,
        about_person_id: query.aboutPersonId ?? null,
        uploaded_by_user_id: actor.userId,
        agency_id: actor.agencyId,
        confidential: confidentialUnlessSaid(
          actor,
          query.confidential === undefined ? undefined : query.confidential === "true",
        )
          ? 1
          : 0,
        file_name: sealText(
          ctx.keyring,
          "case_documents",
          "file_name",
          id,
          servedFileName(query.name, mediaType),
        ),
        media_type: mediaType,
        size_bytes: upload.content.length,
        sha256,
        scan_status: verdict,
        content: ctx.keyring.encryptBytes(upload.content, `case_documents.content.${id}`),
        created_at: nowIso,
      })
      .execute();
    await appendCaseEvent(trx, {
      caseId,
      kind: "document_added",
      occurredAt: nowIso,
      actorUserId: actor.userId,
      data: { documentId: id, mediaType },
      record: { type: "document", id },
    });
    await appendAudit(trx, auditContextFor(actor, ctx.clock), [
      {
        action: "document.upload",
        recordType: "document",
        recordId: id,
        outcome: "allowed",
        detail: { caseId, sizeBytes: upload.content.length, scan: verdict },
      },
    ]);
  });
  return { id, sizeBytes: upload.content.length, sha256, scanStatus: verdict };
}

/**
 * The name a document is served and listed under. Names stored by builds before issue 10 may
 * still carry the uploader's extension; they get the detected type's extension here too.
 */
export function documentName(
  ctx: AppContext,
  doc: { id: string; file_name: string; media_type: string },
): string {
  const stored = openText(ctx.keyring, "case_documents", "file_name", doc.id, doc.file_name);
  return isDocumentType(doc.media_type) ? servedFileName(stored, doc.media_type) : stored;
}

/** The document's bytes, for a caller who may read the case file and see this document. */
export async function downloadDocument(ctx: AppContext, actor: Actor, documentId: string) {
  const now = ctx.clock.now().toISOString();
  const doc = await ctx.db.kysely
    .selectFrom("case_documents")
    .select(["id", "case_id", "file_name", "media_type", "content"])
    .where("id", "=", documentId)
    .where(caseFileEntryVisible(actor, now, "case_documents"))
    .executeTakeFirst();
  await caseForAction(
    ctx,
    ctx.db.kysely,
    actor,
    doc?.case_id ?? documentId,
    "document.read",
    "readCaseFile",
    "document",
  );
  if (!doc) throw notFound("document");
  return ctx.db.kysely.transaction().execute(async (trx) => {
    await appendAudit(trx, auditContextFor(actor, ctx.clock), [
      { action: "document.read", recordType: "document", recordId: documentId, outcome: "allowed" },
    ]);
    return {
      fileName: documentName(ctx, doc),
      mediaType: doc.media_type,
      content: ctx.keyring.decryptBytes(doc.content, `case_documents.content.${doc.id}`),
    };
  });
}
