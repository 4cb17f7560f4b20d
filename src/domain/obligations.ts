import { ACTION_CATALOGUE } from "./assessment/actions.ts";
import type { ActionId } from "./assessment/vocabulary.ts";
import type { Role } from "./roles.ts";

/**
 * Turning required actions into obligations with an owner and a due time (issue 5, DOMAIN.md §5).
 * "reporter" means whoever took the intake: the law puts the duty to report on them.
 */
export type ObligationOwner = Role | "reporter";

export const OBLIGATION_OWNERS: Record<ActionId, ObligationOwner> = {
  report_cps: "reporter",
  report_mbi_ht_coordinator: "reporter",
  report_attorney_general: "reporter",
  notify_cps_minor_in_custody: "reporter",
  notify_fbi: "reporter",
  establish_age: "reporter",
  document_everything: "reporter",
  rapid_assessment_team: "cps_investigator",
  cps_in_person_contact_24h: "cps_investigator",
  cps_specialized_plan: "cps_investigator",
  medical_or_shelter_not_detention: "cps_investigator",
  contact_victim_advocate: "victim_advocate",
  national_hotline: "victim_advocate",
  offer_law_enforcement_contact: "victim_advocate",
  immigration_relief_referral: "victim_advocate",
};

export interface ObligationPlan {
  actionId: ActionId;
  owner: ObligationOwner;
  /** ISO-8601 UTC; null when the law sets no clock (e.g. offering police contact to an adult). */
  dueAt: string | null;
}

export interface ObligationTiming {
  /** When the tip was received: the 24-hour clocks run from here (HB 1559). */
  receivedAt: Date;
  /** When the case was taken in: "immediately" is due at intake. */
  intakeAt: Date;
  /** Default window for the CPS specialized plan (HB 571 sets none). */
  specializedPlanHours: number;
}

const HOUR_MS = 3_600_000;

/** Default window for the CPS specialized plan, which HB 571 requires but does not time. */
export const SPECIALIZED_PLAN_HOURS = 72;

/**
 * How far ahead of the server's clock a `receivedAt` may be: the time a person reads off a phone
 * or a desk clock that runs a little fast. Beyond it the time is a mistake, and accepting it
 * would start every 24-hour clock (HB 1559) late, hiding an overdue report.
 */
export const RECEIVED_AT_FUTURE_TOLERANCE_MS = 5 * 60_000;

/** Why a tip's received time cannot be right, or null when it can. */
export function receivedAtProblem(receivedAt: Date, now: Date): string | null {
  if (receivedAt.getTime() > now.getTime() + RECEIVED_AT_FUTURE_TOLERANCE_MS)
    return "must not be in the future (it is later than the server's clock)";
  return null;
}

export function planObligations(
  actions: readonly ActionId[],
  timing: ObligationTiming,
): ObligationPlan[] {
  return actions.map((actionId) => {
    const deadline = ACTION_CATALOGUE[actionId].deadline;
    let due: Date | null = null;
    if (actionId === "cps_specialized_plan") {
      due = new Date(timing.receivedAt.getTime() + timing.specializedPlanHours * HOUR_MS);
    } else if (deadline.kind === "immediately") {
      due = timing.intakeAt;
    } else if (deadline.hours !== null) {
      due = new Date(timing.receivedAt.getTime() + deadline.hours * HOUR_MS);
    }
    return { actionId, owner: OBLIGATION_OWNERS[actionId], dueAt: due ? due.toISOString() : null };
  });
}

export type DeadlineEvent =
  | { kind: "obligation.reminder"; at: string; percent: 50 | 75 }
  | { kind: "obligation.escalation"; at: string };

/** An obligation due "immediately" is escalated if still open this long after intake. */
export const IMMEDIATE_GRACE_MS = 60 * 60_000;

/**
 * When to remind the owner (50 % and 75 % of the window from the tip to the due time) and when
 * to escalate to the task-force lead and the state coordinator (at the due time; for
 * "immediately", after a short grace so that the report can be made).
 */
export function deadlineEvents(receivedAt: Date, dueAt: Date): DeadlineEvent[] {
  const window = dueAt.getTime() - receivedAt.getTime();
  if (window <= 0) {
    return [
      {
        kind: "obligation.escalation",
        at: new Date(dueAt.getTime() + IMMEDIATE_GRACE_MS).toISOString(),
      },
    ];
  }
  const at = (fraction: number) => new Date(receivedAt.getTime() + window * fraction).toISOString();
  return [
    { kind: "obligation.reminder", at: at(0.5), percent: 50 },
    { kind: "obligation.reminder", at: at(0.75), percent: 75 },
    { kind: "obligation.escalation", at: dueAt.toISOString() },
  ];
}
