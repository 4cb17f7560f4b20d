import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { onCase } from "../../unit-of-work/on-case.ts";

/** Who works the case: names, agencies and roles of the team (staff data, no victim data). */
export function listCaseTeam(ctx: AppContext, actor: Actor, caseId: string) {
  return onCase(ctx, actor, { caseId, action: "case.team.read", ability: "read" }, async (w) =>
    w.listed(await w.repos.caseTeam.listMembers(caseId)),
  );
}
