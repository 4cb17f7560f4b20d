import type { UpdateMeInput } from "../../../contract/accounts/inputs.ts";
import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { asCaller } from "../../unit-of-work/as-caller.ts";

/** The caller's own preferences (the web app remembers the language per user here). */
export function updateMe(
  ctx: AppContext,
  actor: Actor,
  input: UpdateMeInput,
): Promise<{ language: string }> {
  const spec = { action: "user.update_preferences", recordType: "user", recordId: actor.userId };
  return asCaller(ctx, actor, spec, async (w) => {
    await w.repos.users.setLanguage(actor.userId, input.language);
    w.record({ fields: ["language"] });
    return { language: input.language };
  });
}
