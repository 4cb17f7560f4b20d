import type { Actor } from "../../access/actor.ts";
import { caseAbilities } from "../../access/policy.ts";
import type { AppContext } from "../../context.ts";
import { forbidden, notFound } from "../../errors.ts";
import { asCaller } from "../../unit-of-work/as-caller.ts";

/**
 * The document's bytes, for a caller who may see it and read its case's file. A document the
 * caller may not see, or whose case is out of their scope, answers 404 like one that does not
 * exist. A refusal is audited about the case (the document's, or the id asked for when no
 * document was found), as the case checks of every other unit are.
 */
export function downloadDocument(ctx: AppContext, actor: Actor, documentId: string) {
  const spec = { action: "document.read", recordType: "document", recordId: documentId };
  return asCaller(ctx, actor, spec, async (w) => {
    const doc = await w.repos.documents.findVisible(documentId);
    const row = doc && (await w.repos.cases.findInScope(doc.caseId));
    const refuse = (error: Parameters<typeof w.refuse>[0]) => {
      w.record({ recordType: "case", recordId: doc?.caseId ?? documentId });
      return w.refuse(error);
    };
    if (!doc || !row) throw refuse(notFound("document"));
    if (!caseAbilities(actor, row, true).readCaseFile)
      throw refuse(forbidden("Your role cannot do this on this case."));
    return { fileName: doc.fileName, mediaType: doc.mediaType, content: doc.openContent() };
  });
}
