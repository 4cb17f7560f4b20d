import { caseFileEntryVisible } from "../../access/policy.ts";
import { newId } from "../../ids.ts";
import type { Scope } from "../scope.ts";
import { openText, sealText } from "../sealed-text.ts";

/** A case's notes: bodies sealed at rest, listed only as the policy lets the caller see them. */
export class NotesRepository {
  constructor(private readonly s: Scope) {}

  /** Writes a note by the caller (its body sealed), for its agency. */
  async add(note: {
    caseId: string;
    aboutPersonId: string | null;
    body: string;
    confidential: boolean;
  }): Promise<string> {
    const id = newId();
    await this.s.trx
      .insertInto("case_notes")
      .values({
        id,
        case_id: note.caseId,
        about_person_id: note.aboutPersonId,
        author_user_id: this.s.actor.userId,
        author_agency_id: this.s.actor.agencyId,
        confidential: note.confidential ? 1 : 0,
        body: sealText(this.s.keyring, "case_notes", "body", id, note.body),
        created_at: this.s.nowIso,
      })
      .execute();
    return id;
  }

  /**
   * The case's notes the caller may read, oldest first, bodies opened. A confidential note of
   * another agency is left out entirely, in the SQL: its existence is the victim's information.
   */
  async listVisible(caseId: string) {
    const rows = await this.s.trx
      .selectFrom("case_notes")
      .innerJoin("users", "users.id", "case_notes.author_user_id")
      .select([
        "case_notes.id",
        "case_notes.about_person_id",
        "case_notes.author_agency_id",
        "case_notes.confidential",
        "case_notes.body",
        "case_notes.created_at",
        "users.display_name",
      ])
      .where("case_notes.case_id", "=", caseId)
      .where(caseFileEntryVisible(this.s.actor, this.s.nowIso, "case_notes"))
      .orderBy("case_notes.created_at")
      .orderBy("case_notes.id")
      .execute();
    return rows.map((r) => ({
      id: r.id,
      aboutPersonId: r.about_person_id,
      authorAgencyId: r.author_agency_id,
      authorName: r.display_name,
      confidential: r.confidential === 1,
      body: openText(this.s.keyring, "case_notes", "body", r.id, r.body),
      createdAt: r.created_at,
    }));
  }
}
