import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { onCase } from "../../unit-of-work/on-case.ts";

/** The case's obligations: what the law requires, of whom, by when, and what was done. */
export function listCaseObligations(ctx: AppContext, actor: Actor, caseId: string) {
  return onCase(ctx, actor, { caseId, action: "obligation.list", ability: "read" }, async (w) =>
    w.listed(await w.repos.obligationReading.listForCase(caseId, w.case.row)),
  );
}
