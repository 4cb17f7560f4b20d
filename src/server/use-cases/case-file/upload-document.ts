import { createHash } from "node:crypto";
import type { UploadDocumentQuery } from "../../../contract/case-file/inputs.ts";
import {
  DOCUMENT_TYPE_IDS,
  DOCUMENT_TYPES,
  type DocumentType,
  isDocumentType,
} from "../../../domain/coordination/documents.ts";
import type { Actor } from "../../access/actor.ts";
import { confidentialByDefault } from "../../access/policy.ts";
import type { AppContext } from "../../context.ts";
import { NO_SCANNER } from "../../documents/scanner.ts";
import { AppError, badRequest } from "../../errors.ts";
import { onCase } from "../../unit-of-work/on-case.ts";

export interface DocumentUpload {
  query: UploadDocumentQuery;
  /** The request's content type, as sent (parameters allowed). */
  mediaType: string;
  content: Buffer;
  maxBytes: number;
}

/** The upload's detected type, or what is wrong with the file (bad input, not a refusal). */
function checkFile(upload: DocumentUpload): { mediaType: DocumentType } | { error: AppError } {
  const mediaType = upload.mediaType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!isDocumentType(mediaType))
    return {
      error: new AppError(
        "unsupported_media_type",
        `Documents must be one of: ${DOCUMENT_TYPE_IDS.join(", ")}.`,
        "content-type",
      ),
    };
  if (upload.content.length === 0) return { error: badRequest("The document is empty.", "body") };
  if (upload.content.length > upload.maxBytes)
    return {
      error: new AppError(
        "payload_too_large",
        `Documents may be at most ${upload.maxBytes} bytes.`,
      ),
    };
  if (!DOCUMENT_TYPES[mediaType].matches(upload.content))
    return {
      error: new AppError(
        "content_mismatch",
        `The file's content is not ${mediaType}.`,
        "content-type",
      ),
    };
  return { mediaType };
}

/**
 * Stores a document on the case, encrypted, with the scanner's verdict. A file the scanner
 * finds infected is refused (and the refusal audited). Victim-services documents are
 * confidential to their agency unless the uploader says otherwise (VAWA).
 */
export async function uploadDocument(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  upload: DocumentUpload,
): Promise<{ id: string; sizeBytes: number; sha256: string; scanStatus: string }> {
  const checked = checkFile(upload);
  // The scan runs before the unit of work: a scanner may take seconds, and the unit's
  // transaction holds the database's write lock on SQLite. Its verdict, like what is wrong with
  // the file, is acted on only after the unit has checked the case and the ability, so the
  // caller gets the same answers in the same order as if the scan ran inside.
  const file =
    "error" in checked
      ? checked
      : {
          mediaType: checked.mediaType,
          verdict: await (ctx.scanner ?? NO_SCANNER).scan(upload.content, checked.mediaType),
        };
  const spec = { caseId, action: "document.upload", ability: "uploadDocument" } as const;
  return onCase(ctx, actor, spec, async (w) => {
    if ("error" in file) throw file.error;
    const { mediaType, verdict } = file;
    if (verdict === "infected")
      throw w.refuse(new AppError("document_infected", "The scanner found malware in this file."));
    const { query, content } = upload;
    const aboutPersonId = query.aboutPersonId ?? null;
    if (aboutPersonId !== null) await w.repos.people.onCase(caseId, aboutPersonId, "aboutPersonId");
    const sha256 = createHash("sha256").update(content).digest("hex");
    const id = await w.repos.documents.add({
      caseId,
      aboutPersonId,
      confidential:
        query.confidential === undefined
          ? confidentialByDefault(actor)
          : query.confidential === "true",
      name: query.name,
      mediaType,
      content,
      sha256,
      scanStatus: verdict,
    });
    await w.repos.events.append({
      caseId,
      kind: "document_added",
      data: { documentId: id, mediaType },
      record: { type: "document", id },
    });
    w.record({
      recordType: "document",
      recordId: id,
      detail: { caseId, sizeBytes: content.length, scan: verdict },
    });
    return { id, sizeBytes: content.length, sha256, scanStatus: verdict };
  });
}
