import { CHILD_REPORT_RECEIVER } from "../../../domain/intake-routing.ts";
import { AgenciesRepository } from "../accounts/agencies.ts";
import type { ActingScope } from "../scope.ts";

export const STATEWIDE_CPS_NAME = "Mississippi Department of Child Protection Services";

/** The CPS offices a child's report can be routed to (agencies of the receiving kind). */
export class CpsRoutingRepository {
  constructor(private readonly s: ActingScope) {}

  /**
   * The CPS office that receives a report from a county: the office serving that county, else
   * the statewide office (created on first use, so a fresh install still routes every report).
   */
  async officeFor(countyFips: string | null): Promise<string> {
    const offices = () =>
      this.s.trx.selectFrom("agencies").select("id").where("kind", "=", CHILD_REPORT_RECEIVER);
    if (countyFips !== null) {
      const local = await offices()
        .where("county_fips", "=", countyFips)
        .orderBy("created_at")
        .orderBy("id")
        .executeTakeFirst();
      if (local) return local.id;
    }
    return new AgenciesRepository(this.s).ensure(STATEWIDE_CPS_NAME, CHILD_REPORT_RECEIVER);
  }
}
