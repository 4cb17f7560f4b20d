import type { AppContext } from "../context.ts";
import { newId } from "../ids.ts";

/** A system agency by name and kind, created on first use (administration, the intake queue). */
export async function ensureAgency(ctx: AppContext, name: string, kind: string): Promise<string> {
  const existing = await ctx.db.kysely
    .selectFrom("agencies")
    .select("id")
    .where("name", "=", name)
    .where("kind", "=", kind)
    .executeTakeFirst();
  if (existing) return existing.id;
  const id = newId();
  await ctx.db.kysely
    .insertInto("agencies")
    .values({ id, name, kind, county_fips: null, created_at: ctx.clock.now().toISOString() })
    .execute();
  return id;
}

/** System administrators belong to this agency; it holds no cases. */
export function ensureAdministrationAgency(ctx: AppContext): Promise<string> {
  return ensureAgency(ctx, "Waypoint administration", "other");
}
