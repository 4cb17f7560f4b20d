import type { AppContext } from "../context.ts";
import { newId } from "../ids.ts";

const NAME = "Waypoint administration";

/** System administrators belong to this agency; it holds no cases. Created on first use. */
export async function ensureAdministrationAgency(ctx: AppContext): Promise<string> {
  const existing = await ctx.db.kysely
    .selectFrom("agencies")
    .select("id")
    .where("name", "=", NAME)
    .where("kind", "=", "other")
    .executeTakeFirst();
  if (existing) return existing.id;
  const id = newId();
  await ctx.db.kysely
    .insertInto("agencies")
    .values({
      id,
      name: NAME,
      kind: "other",
      county_fips: null,
      created_at: ctx.clock.now().toISOString(),
    })
    .execute();
  return id;
}
