import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import type { Repositories } from "../../repositories/bound.ts";
import { onCaseOf } from "../../unit-of-work/on-case.ts";

/**
 * The document's bytes, for a caller who may see it and read its case's file. A document the
 * caller may not see, or whose case is out of their scope, answers 404 like one that does not
 * exist. A refusal is audited about the case (the document's, or the id asked for when no
 * document was found), as the case checks of every other unit are.
 */
export function downloadDocument(ctx: AppContext, actor: Actor, documentId: string) {
  const spec = {
    action: "document.read",
    recordType: "document",
    recordId: documentId,
    asked: "document",
    ability: "readCaseFile",
    find: (repos: Repositories) => repos.documents.findVisible(documentId),
  } as const;
  return onCaseOf(ctx, actor, spec, async (_w, doc) => ({
    fileName: doc.fileName,
    mediaType: doc.mediaType,
    content: doc.openContent(),
  }));
}
