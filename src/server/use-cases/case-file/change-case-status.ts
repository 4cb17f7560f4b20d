import type { ChangeStatusInput } from "../../../contract/case-file/inputs.ts";
import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { conflict } from "../../errors.ts";
import { onCase } from "../../unit-of-work/on-case.ts";

/**
 * Closes a case or reopens it. Closing records the outcome (the statistics of
 * § 97-3-54.9 count them); reopening clears it. Open obligations stay open: closing a case does
 * not make an unmet legal duty disappear, it stays on the overdue list.
 */
export function changeCaseStatus(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: ChangeStatusInput,
): Promise<{ version: number; status: string }> {
  const spec = { caseId, action: "case.change_status", ability: "changeStatus" } as const;
  return onCase(ctx, actor, spec, async (w) => {
    const outcome = input.outcome ?? null;
    const changed = await w.repos.cases.changeStatus(caseId, { ...input, outcome });
    if (!changed)
      throw conflict("Someone changed this case since you opened it; reload to see their change.");
    await w.repos.events.append({
      caseId,
      kind: input.status === "closed" ? "case_closed" : "case_reopened",
      data: { outcome },
    });
    w.record({
      fields: ["status", ...(outcome ? ["outcome"] : [])],
      detail: { status: input.status, ...(outcome ? { caseOutcome: outcome } : {}) },
    });
    return { version: input.version + 1, status: input.status };
  });
}
