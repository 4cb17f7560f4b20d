import { MISSISSIPPI_COUNTIES } from "../../../domain/counties.ts";
import { CHILD_REPORT_RECEIVER } from "../../../domain/intake-routing.ts";
import { PUBLIC_TIP_ROLES, ROUTED_CASE_ROLES } from "../../access/policy.ts";
import { AgenciesRepository } from "../accounts/agencies.ts";
import { CaseAssignmentRepository, type Worker } from "../cases/assignment.ts";
import type { ActingScope } from "../scope.ts";

export const STATEWIDE_CPS_NAME = "Mississippi Department of Child Protection Services";

/** Where a child's report goes: the office, the named investigator, whether it fell back. */
export interface ChildReportRouting {
  agencyId: string;
  /** The least-loaded active investigator there, or null: the office reaches no one. */
  assignee: Worker | null;
  /** True when the county's own office had no one and the statewide office took the report. */
  fellBack: boolean;
}

/** A county whose report would not reach its own office's investigator. */
export interface UnreachedCounty {
  countyFips: string;
  countyName: string;
  /** `statewide`: the statewide office takes it; `no_one`: no investigator anywhere it goes. */
  fallsTo: "statewide" | "no_one";
}

/** The CPS offices a child's report can be routed to (agencies of the receiving kind). */
export class CpsRoutingRepository {
  constructor(private readonly s: ActingScope) {}

  private offices() {
    return this.s.trx
      .selectFrom("agencies")
      .select(["id", "county_fips"])
      .where("kind", "=", CHILD_REPORT_RECEIVER)
      .orderBy("created_at")
      .orderBy("id");
  }

  /**
   * The statewide office: a CPS agency serving no one county, preferring one with an active
   * investigator; created on first use, so a fresh install still routes every report somewhere.
   */
  private async statewideOffice(): Promise<{ agencyId: string; assignee: Worker | null }> {
    const staff = new CaseAssignmentRepository(this.s);
    const candidates = await this.offices().where("county_fips", "is", null).execute();
    for (const c of candidates) {
      const assignee = await staff.leastLoaded(c.id, ROUTED_CASE_ROLES);
      if (assignee) return { agencyId: c.id, assignee };
    }
    const agencyId =
      candidates[0]?.id ??
      (await new AgenciesRepository(this.s).ensure(STATEWIDE_CPS_NAME, CHILD_REPORT_RECEIVER));
    return { agencyId, assignee: null };
  }

  /**
   * Routes a child's report (Miss. Code § 43-21-353): to the CPS office for the county, to its
   * least-loaded active investigator; if that office has no one (or the county is unknown), to
   * the statewide office, flagged so that the state's coordinator is told.
   */
  async routeChildReport(countyFips: string | null): Promise<ChildReportRouting> {
    const staff = new CaseAssignmentRepository(this.s);
    if (countyFips !== null) {
      for (const office of await this.offices().where("county_fips", "=", countyFips).execute()) {
        const assignee = await staff.leastLoaded(office.id, ROUTED_CASE_ROLES);
        if (assignee) return { agencyId: office.id, assignee, fellBack: false };
      }
    }
    return { ...(await this.statewideOffice()), fellBack: true };
  }

  /** The office a report from the county reaches (kept for callers that need only the agency). */
  async officeFor(countyFips: string | null): Promise<string> {
    return (await this.routeChildReport(countyFips)).agencyId;
  }

  /** Who a public tip would land with now, or null: nobody triages the statewide queue. */
  publicTipTriager() {
    return new CaseAssignmentRepository(this.s).leastLoadedAnywhere(PUBLIC_TIP_ROLES);
  }

  /**
   * The counties whose child reports would not reach an investigator of their own county's
   * office, and where they would go instead. Two statements whatever the number of offices.
   */
  async unreachedCounties(): Promise<UnreachedCounty[]> {
    const staffed = await this.s.trx
      .selectFrom("agencies")
      .innerJoin("memberships", "memberships.agency_id", "agencies.id")
      .innerJoin("users", "users.id", "memberships.user_id")
      .select("agencies.county_fips")
      .distinct()
      .where("agencies.kind", "=", CHILD_REPORT_RECEIVER)
      .where("memberships.role", "in", ROUTED_CASE_ROLES)
      .where("users.status", "=", "active")
      .execute();
    const covered = new Set(staffed.map((r) => r.county_fips));
    const statewide = covered.has(null);
    return MISSISSIPPI_COUNTIES.filter((c) => !covered.has(c.fips)).map((c) => ({
      countyFips: c.fips,
      countyName: c.name,
      fallsTo: statewide ? "statewide" : "no_one",
    }));
  }
}
