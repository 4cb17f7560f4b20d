import { ACTION_CATALOGUE } from "./assessment/actions.ts";
import type { ActionId } from "./assessment/vocabulary.ts";
import type { AgencyKind } from "./catalogues.ts";
import { CHILD_REPORT_RECEIVER } from "./intake-routing.ts";

/**
 * Obligations that tell the truth, and closing a case safely (issue 13, DOMAIN.md §5). Pure rules:
 * which report an intake itself makes, what a report must show before it counts as made, and
 * what must be settled before a case may close.
 */

/**
 * Reports made to another agency, which the record must show were made: to whom, when, and the
 * receiving agency's reference. The statutes require the first four (the catalogue cites them);
 * the FBI call is the training's rule (seed), but it is a report to another agency all the same.
 */
export const REPORTS_NEEDING_EVIDENCE: readonly ActionId[] = [
  "report_cps", // Miss. Code § 97-3-54.1(4); § 43-21-353; § 97-5-51
  "report_mbi_ht_coordinator", // Miss. Code § 97-3-54.1(4)
  "report_attorney_general", // Miss. Code §§ 43-21-105, 43-21-353
  "notify_cps_minor_in_custody", // Miss. Code § 97-29-49
  "notify_fbi", // seed (CVP training)
];

export type ReportEvidenceField = "reference" | "spokeWith" | "at";
export const REPORT_EVIDENCE_FIELDS: readonly ReportEvidenceField[] = [
  "reference",
  "spokeWith",
  "at",
];

/** Whether meeting this obligation means a report was made to another agency. */
export function needsReportEvidence(actionId: string): boolean {
  return (REPORTS_NEEDING_EVIDENCE as readonly string[]).includes(actionId);
}

/** The citation to show beside a report's evidence fields. */
export function reportCitation(actionId: string): string | null {
  return needsReportEvidence(actionId) ? ACTION_CATALOGUE[actionId as ActionId].citation : null;
}

/**
 * The evidence a report still lacks before it can be recorded as made, in the form's order; empty
 * for any other obligation (evidence is optional there) or when it does not apply.
 */
export function missingReportEvidence(
  actionId: string,
  status: "done" | "not_applicable",
  evidence: Partial<Record<ReportEvidenceField, string | undefined>> | undefined,
): ReportEvidenceField[] {
  if (status !== "done" || !needsReportEvidence(actionId)) return [];
  return REPORT_EVIDENCE_FIELDS.filter((f) => !evidence?.[f]?.trim());
}

/**
 * The report an intake makes by being taken in: a report of a child taken in by CPS on its own
 * hotline IS the report to the Department (Miss. Code § 43-21-353: reports are made to the
 * Department), so CPS is not told to report to itself. Nothing for any other agency.
 */
export function reportsMadeByIntake(
  actions: readonly ActionId[],
  intakeAgencyKind: string,
): { actionId: ActionId; evidence: { madeBy: "intake"; statute: string } }[] {
  const receiver: AgencyKind = CHILD_REPORT_RECEIVER;
  if (intakeAgencyKind !== receiver || !actions.includes("report_cps")) return [];
  return [
    { actionId: "report_cps", evidence: { madeBy: "intake", statute: "Miss. Code § 43-21-353" } },
  ];
}

/** What still stands between a case and its closing. */
export interface OpenWork {
  openObligations: number;
  pendingReferrals: number;
}

/**
 * A case closes only when nothing is left unmet or unanswered: each open obligation met or retired
 * with a reason (an unmet legal duty does not disappear by closing the case), each referral still
 * waiting for the receiving agency answered first. Null when it may close.
 */
export function closingProblem(work: OpenWork): string | null {
  const parts: string[] = [];
  if (work.openObligations > 0)
    parts.push(
      `${work.openObligations} open obligation${work.openObligations === 1 ? "" : "s"} (record each as met, or retire it with a reason)`,
    );
  if (work.pendingReferrals > 0)
    parts.push(
      `${work.pendingReferrals} referral${work.pendingReferrals === 1 ? "" : "s"} still waiting for an answer from the receiving agency`,
    );
  return parts.length === 0 ? null : `This case cannot close yet: ${parts.join("; ")}.`;
}
