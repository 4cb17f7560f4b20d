import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { onCase } from "../../unit-of-work/on-case.ts";

/** The case's notes the caller may read (the repository leaves out what the policy hides). */
export function listCaseNotes(ctx: AppContext, actor: Actor, caseId: string) {
  return onCase(ctx, actor, { caseId, action: "note.list", ability: "readCaseFile" }, async (w) => {
    const notes = await w.repos.notes.listVisible(caseId);
    w.record({ fields: notes.map((n) => `note.${n.id}.body`), detail: { count: notes.length } });
    return notes;
  });
}
