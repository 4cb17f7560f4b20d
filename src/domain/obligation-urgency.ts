import { ACTION_CATALOGUE } from "./assessment/actions.ts";
import type { ActionId } from "./assessment/vocabulary.ts";
import { IMMEDIATE_GRACE_MS } from "./obligations.ts";

/**
 * How an open obligation's clock reads to the person who owns it (issue 13: a report due
 * "immediately" is not red "overdue" the moment the case exists). Pure, so the server (queues,
 * sorting) and the web app (badges) say the same thing.
 *
 * - `no_deadline`: the law sets no clock (offering police contact to an adult).
 * - `due_now`: a report due immediately, still within the grace it is escalated after
 *   (IMMEDIATE_GRACE_MS, DOMAIN.md §5: the reporter makes the call now).
 * - `due`: a clock that has not run out.
 * - `overdue`: past its due time (past the grace, for "immediately").
 */
export type DueState = "no_deadline" | "due_now" | "due" | "overdue";

export function dueState(
  o: { actionId: string; dueAt: string | null; status?: string },
  now: Date,
): DueState {
  if (o.dueAt === null) return "no_deadline";
  const due = new Date(o.dueAt).getTime();
  const immediate = ACTION_CATALOGUE[o.actionId as ActionId]?.deadline.kind === "immediately";
  if (immediate) return now.getTime() > due + IMMEDIATE_GRACE_MS ? "overdue" : "due_now";
  return now.getTime() > due ? "overdue" : "due";
}

/** When an obligation is escalated as overdue: its due time, or the grace after it for "immediately". */
export function overdueAfter(o: { actionId: string; dueAt: string }): Date {
  const due = new Date(o.dueAt).getTime();
  const immediate = ACTION_CATALOGUE[o.actionId as ActionId]?.deadline.kind === "immediately";
  return new Date(immediate ? due + IMMEDIATE_GRACE_MS : due);
}
