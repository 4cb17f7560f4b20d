import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { asCaller } from "../../unit-of-work/as-caller.ts";

/**
 * Open and active cases the caller oversees (a task-force lead: their agency's and those their
 * task force's team works; CPS: their agency's; the state coordinator: all), with their open
 * and overdue obligations and whether the team has formed. No personal data.
 */
export function listOpenCases(ctx: AppContext, actor: Actor, limit: number) {
  const spec = {
    action: "case.list_open",
    recordType: "case",
    ability: "openCasesQueue",
    refusal: "Your role has no open-cases queue.",
  } as const;
  return asCaller(ctx, actor, spec, async (w) =>
    w.listed(await w.repos.workQueues.openCases(limit)),
  );
}
