import { z } from "zod";
import { LANGUAGES } from "../../domain/i18n/index.ts";
import { type Actor, auditContextFor } from "../access/actor.ts";
import { accountAbilities, confidentialByDefault } from "../access/policy.ts";
import { appendAudit } from "../audit/audit-log.ts";
import type { AppContext } from "../context.ts";

export async function getMe(ctx: AppContext, actor: Actor) {
  const user = await ctx.db.kysely
    .selectFrom("users")
    .select(["email", "display_name", "language"])
    .where("id", "=", actor.userId)
    .executeTakeFirstOrThrow();
  const agency = await ctx.db.kysely
    .selectFrom("agencies")
    .select("name")
    .where("id", "=", actor.agencyId)
    .executeTakeFirstOrThrow();
  return {
    userId: actor.userId,
    email: user.email,
    displayName: user.display_name,
    language: user.language,
    agencyId: actor.agencyId,
    agencyName: agency.name,
    role: actor.role,
    abilities: accountAbilities(actor),
    confidentialNotesByDefault: confidentialByDefault(actor),
  };
}

export const updateMeInput = z.strictObject({ language: z.enum(LANGUAGES) });

/** The caller's own preferences (the web app remembers the language per user here). */
export async function updateMe(
  ctx: AppContext,
  actor: Actor,
  raw: z.input<typeof updateMeInput>,
): Promise<{ language: string }> {
  const input = updateMeInput.parse(raw);
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable("users")
      .set({ language: input.language })
      .where("id", "=", actor.userId)
      .execute();
    await appendAudit(trx, auditContextFor(actor, ctx.clock), [
      {
        action: "user.update_preferences",
        recordType: "user",
        recordId: actor.userId,
        fields: ["language"],
        outcome: "allowed",
      },
    ]);
  });
  return { language: input.language };
}
