import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { onCase } from "../../unit-of-work/on-case.ts";

/** Documents the caller may see (confidential ones of other agencies are left out). */
export function listCaseDocuments(ctx: AppContext, actor: Actor, caseId: string) {
  const spec = { caseId, action: "document.list", ability: "readCaseFile" } as const;
  return onCase(ctx, actor, spec, async (w) =>
    w.listed(await w.repos.documents.listVisible(caseId)),
  );
}
