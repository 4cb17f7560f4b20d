import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { onCase } from "../../unit-of-work/on-case.ts";

/** What a member of the public wrote with their tip, or null (for those who read the file). */
export function readTipMessage(ctx: AppContext, actor: Actor, caseId: string) {
  const spec = { caseId, action: "tip.read", ability: "readTip" } as const;
  return onCase(ctx, actor, spec, async (w) => {
    const message = await w.repos.tipReading.messageOf(caseId);
    // Counted like the other reads of the file: one message read, or none written.
    w.record({ detail: { count: message ? 1 : 0 } });
    return message ?? null;
  });
}
