import type { ActionId } from "./assessment/vocabulary.ts";
import type { AgencyKind } from "./catalogues.ts";

/**
 * Where a report goes once it is taken in (issue 5, DOMAIN.md §1 and §5). Rules about reports,
 * not about who may see what: the access policy is not asked, and no use case names an agency
 * kind itself.
 */

/** The kind of agency that receives a child's report: DCPS (Miss. Code § 43-21-353). */
export const CHILD_REPORT_RECEIVER: AgencyKind = "cps";

/**
 * Whether a case goes to CPS once taken in: the assessment requires reporting the child to CPS
 * (`report_cps`, Miss. Code § 97-3-54.1(4); § 43-21-353) and the agency that took it in is not
 * CPS itself (a school's screener, a clinic, a public tip). CPS's own intake stays with CPS.
 */
export function routesToCps(actions: readonly ActionId[], intakeAgencyKind: string): boolean {
  return actions.includes("report_cps") && intakeAgencyKind !== CHILD_REPORT_RECEIVER;
}

/**
 * Tips sent from the public help page, without signing in, land in this statewide queue, run by
 * the MBI, the statewide human trafficking coordinator (DOMAIN.md §12); a child's tip is then
 * routed to CPS like any other.
 */
export const PUBLIC_TIP_QUEUE = {
  name: "Statewide intake queue",
  kind: "mbi" satisfies AgencyKind,
} as const;
