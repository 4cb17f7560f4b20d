import { z } from "zod";
import { type Actor, auditContextFor } from "../access/actor.ts";
import { caseFileEntryVisible } from "../access/policy.ts";
import { appendAudit } from "../audit/audit-log.ts";
import type { AppContext } from "../context.ts";
import { newId } from "../ids.ts";
import { caseForAction } from "../repositories/case-access.ts";
import { personOnCase } from "../repositories/case-persons.ts";
import { appendCaseEvent } from "../repositories/cases.ts";
import { openText, sealText } from "../repositories/sealed-text.ts";
import { confidentialUnlessSaid } from "./case-documents.ts";

export const addNoteInput = z.strictObject({
  body: z.string().trim().min(1).max(20_000),
  aboutPersonId: z.string().min(1).max(100).optional(),
  /** Defaults to confidential for victim-services staff (VAWA), shared otherwise. */
  confidential: z.boolean().optional(),
});

export async function addCaseNote(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  raw: z.input<typeof addNoteInput>,
): Promise<{ id: string; confidential: boolean }> {
  const input = addNoteInput.parse(raw);
  await caseForAction(ctx, ctx.db.kysely, actor, caseId, "note.create", "writeNote");
  const nowIso = ctx.clock.now().toISOString();
  const id = newId();
  const confidential = confidentialUnlessSaid(actor, input.confidential);
  await ctx.db.kysely.transaction().execute(async (trx) => {
    if (input.aboutPersonId !== undefined)
      await personOnCase(trx, caseId, input.aboutPersonId, "aboutPersonId");
    await trx
      .insertInto("case_notes")
      .values({
        id,
        case_id: caseId,
        about_person_id: input.aboutPersonId ?? null,
        author_user_id: actor.userId,
        author_agency_id: actor.agencyId,
        confidential: confidential ? 1 : 0,
        body: sealText(ctx.keyring, "case_notes", "body", id, input.body),
        created_at: nowIso,
      })
      .execute();
    await appendCaseEvent(trx, {
      caseId,
      kind: "note_added",
      occurredAt: nowIso,
      actorUserId: actor.userId,
      data: { noteId: id, confidential },
      record: { type: "note", id },
    });
    await appendAudit(trx, auditContextFor(actor, ctx.clock), [
      {
        action: "note.create",
        recordType: "note",
        recordId: id,
        fields: ["body"],
        outcome: "allowed",
        detail: { caseId, confidential },
      },
    ]);
  });
  return { id, confidential };
}

/**
 * The case's notes the caller may read. A confidential note of another agency is left out
 * entirely (not listed as withheld): its existence is itself the victim's information.
 */
export async function listCaseNotes(ctx: AppContext, actor: Actor, caseId: string) {
  await caseForAction(ctx, ctx.db.kysely, actor, caseId, "note.list", "readCaseFile");
  const nowIso = ctx.clock.now().toISOString();
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const rows = await trx
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
      .where(caseFileEntryVisible(actor, nowIso, "case_notes"))
      .orderBy("case_notes.created_at")
      .orderBy("case_notes.id")
      .execute();
    await appendAudit(trx, auditContextFor(actor, ctx.clock), [
      {
        action: "note.list",
        recordType: "case",
        recordId: caseId,
        fields: rows.map((r) => `note.${r.id}.body`),
        outcome: "allowed",
        detail: { count: rows.length },
      },
    ]);
    return rows.map((r) => ({
      id: r.id,
      aboutPersonId: r.about_person_id,
      authorAgencyId: r.author_agency_id,
      authorName: r.display_name,
      confidential: r.confidential === 1,
      body: openText(ctx.keyring, "case_notes", "body", r.id, r.body),
      createdAt: r.created_at,
    }));
  });
}
