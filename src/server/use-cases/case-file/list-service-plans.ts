import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { onCase } from "../../unit-of-work/on-case.ts";

/**
 * The case's service plans with the items the caller may read. A plan held by another
 * victim-services agency is listed with the basis on which the caller sees it (or only that the
 * agency holds one); the repository keeps hidden items in the database.
 */
export function listServicePlans(ctx: AppContext, actor: Actor, caseId: string) {
  const spec = { caseId, action: "plan.list", ability: "readCaseFile" } as const;
  return onCase(ctx, actor, spec, async (w) =>
    w.listed(await w.repos.planReading.listForCase(caseId)),
  );
}
