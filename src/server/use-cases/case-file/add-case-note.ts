import type { AddNoteInput } from "../../../contract/case-file/inputs.ts";
import type { Actor } from "../../access/actor.ts";
import { confidentialByDefault } from "../../access/policy.ts";
import type { AppContext } from "../../context.ts";
import { onCase } from "../../unit-of-work/on-case.ts";

/** Adds a note to the case; confidential by default when the writer works for victim services. */
export function addCaseNote(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: AddNoteInput,
): Promise<{ id: string; confidential: boolean }> {
  return onCase(ctx, actor, { caseId, action: "note.create", ability: "writeNote" }, async (w) => {
    const aboutPersonId = input.aboutPersonId ?? null;
    if (aboutPersonId !== null) await w.repos.people.onCase(caseId, aboutPersonId, "aboutPersonId");
    const confidential = input.confidential ?? confidentialByDefault(actor);
    const id = await w.repos.notes.add({ caseId, aboutPersonId, body: input.body, confidential });
    await w.repos.events.append({
      caseId,
      kind: "note_added",
      data: { noteId: id, confidential },
      record: { type: "note", id },
    });
    w.record({
      recordType: "note",
      recordId: id,
      fields: ["body"],
      detail: { caseId, confidential },
    });
    return { id, confidential };
  });
}
