import type { Actor } from "../access/actor.ts";
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
  };
}
