import type { Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { newId } from "../ids.ts";

export const STATEWIDE_CPS_NAME = "Mississippi Department of Child Protection Services";

/**
 * The CPS office that receives a report from a county: the office serving that county, else
 * the statewide office (created on first use, so a fresh install still routes every report).
 */
export async function cpsAgencyFor(
  trx: Transaction<Database>,
  countyFips: string | null,
  nowIso: string,
): Promise<string> {
  if (countyFips !== null) {
    const local = await trx
      .selectFrom("agencies")
      .select("id")
      .where("kind", "=", "cps")
      .where("county_fips", "=", countyFips)
      .orderBy("created_at")
      .orderBy("id")
      .executeTakeFirst();
    if (local) return local.id;
  }
  const statewide = await trx
    .selectFrom("agencies")
    .select("id")
    .where("kind", "=", "cps")
    .where("name", "=", STATEWIDE_CPS_NAME)
    .executeTakeFirst();
  if (statewide) return statewide.id;
  const id = newId();
  await trx
    .insertInto("agencies")
    .values({ id, name: STATEWIDE_CPS_NAME, kind: "cps", county_fips: null, created_at: nowIso })
    .execute();
  return id;
}
