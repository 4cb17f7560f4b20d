import type { AddTeamMemberInput } from "../../../contract/coordination/inputs.ts";
import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { onCase } from "../../unit-of-work/on-case.ts";

/**
 * Adds someone to the case team (CPS or the task-force lead running the case): the team is the
 * first scope of the access policy, so this is what lets a nurse or shelter worker open the case.
 */
export function addCaseTeamMember(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: AddTeamMemberInput,
): Promise<void> {
  const spec = { caseId, action: "case.team.add", ability: "manageTeam" } as const;
  return onCase(ctx, actor, spec, async (w) => {
    await w.repos.caseTeam.add(caseId, input.userId, "userId");
    await w.repos.events.append({
      caseId,
      kind: "team_member_added",
      data: { userId: input.userId },
    });
    w.record({ detail: { userId: input.userId } });
  });
}
