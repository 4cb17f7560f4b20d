import {
  type DocumentType,
  isDocumentType,
  servedFileName,
} from "../../../domain/coordination/documents.ts";
import { caseFileEntryVisible } from "../../access/policy.ts";
import type { ScanVerdict } from "../../documents/scanner.ts";
import { newId } from "../../ids.ts";
import type { Scope } from "../scope.ts";
import { openText, sealText } from "../sealed-text.ts";

/**
 * A case's documents: names and bytes sealed at rest, read only as the policy lets the caller
 * see them (a confidential document of another agency is left out in the SQL).
 */
export class DocumentsRepository {
  constructor(private readonly s: Scope) {}

  /** Stores a document by the caller, for its agency: its name and bytes sealed to this row. */
  async add(doc: {
    caseId: string;
    aboutPersonId: string | null;
    confidential: boolean;
    name: string;
    mediaType: DocumentType;
    content: Buffer;
    sha256: string;
    scanStatus: ScanVerdict;
  }): Promise<string> {
    const id = newId();
    const { keyring } = this.s;
    await this.s.trx
      .insertInto("case_documents")
      .values({
        id,
        case_id: doc.caseId,
        about_person_id: doc.aboutPersonId,
        uploaded_by_user_id: this.s.actor.userId,
        agency_id: this.s.actor.agencyId,
        confidential: doc.confidential ? 1 : 0,
        file_name: sealText(
          keyring,
          "case_documents",
          "file_name",
          id,
          servedFileName(doc.name, doc.mediaType),
        ),
        media_type: doc.mediaType,
        size_bytes: doc.content.length,
        sha256: doc.sha256,
        scan_status: doc.scanStatus,
        content: keyring.encryptBytes(doc.content, `case_documents.content.${id}`),
        created_at: this.s.nowIso,
      })
      .execute();
    return id;
  }

  /** The case's documents the caller may see, oldest first (names opened, no content). */
  async listVisible(caseId: string) {
    const rows = await this.s.trx
      .selectFrom("case_documents")
      .select([
        "id",
        "file_name",
        "media_type",
        "size_bytes",
        "sha256",
        "scan_status",
        "confidential",
        "agency_id",
        "created_at",
      ])
      .where("case_id", "=", caseId)
      .where(caseFileEntryVisible(this.s.actor, this.s.nowIso, "case_documents"))
      .orderBy("created_at")
      .execute();
    return rows.map((d) => ({
      id: d.id,
      fileName: this.nameOf(d),
      mediaType: d.media_type,
      sizeBytes: d.size_bytes,
      sha256: d.sha256,
      scanStatus: d.scan_status,
      confidential: d.confidential === 1,
      agencyId: d.agency_id,
      createdAt: d.created_at,
    }));
  }

  /**
   * The document, if the caller may see it; whether its case is in the caller's scope is the
   * unit of work's check. Its bytes are opened only when asked for, after that check.
   */
  async findVisible(documentId: string) {
    const doc = await this.s.trx
      .selectFrom("case_documents")
      .select(["id", "case_id", "file_name", "media_type", "content"])
      .where("id", "=", documentId)
      .where(caseFileEntryVisible(this.s.actor, this.s.nowIso, "case_documents"))
      .executeTakeFirst();
    if (!doc) return undefined;
    return {
      id: doc.id,
      caseId: doc.case_id,
      fileName: this.nameOf(doc),
      mediaType: doc.media_type,
      openContent: () =>
        this.s.keyring.decryptBytes(doc.content, `case_documents.content.${doc.id}`),
    };
  }

  /**
   * The name a document is served and listed under. Names stored by builds before issue 10 may
   * still carry the uploader's extension; they get the detected type's extension here too.
   */
  private nameOf(doc: { id: string; file_name: string; media_type: string }): string {
    const stored = openText(this.s.keyring, "case_documents", "file_name", doc.id, doc.file_name);
    return isDocumentType(doc.media_type) ? servedFileName(stored, doc.media_type) : stored;
  }
}
