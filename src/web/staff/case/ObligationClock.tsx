import { dueState } from "../../../domain/obligation-urgency.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Badge, DeadlineBadge } from "../../ui/Badge.tsx";

/**
 * An open obligation's clock as the domain reads it (`dueState`): a report due "immediately" says
 * "Due now" during its grace instead of a red "Overdue by <1 min" the moment the case exists.
 */
export function ObligationClock(props: { actionId: string; dueAt: string | null; now: number }) {
  const { t } = useI18n();
  if (dueState(props, new Date(props.now)) === "due_now")
    return <Badge tone="warning">{t("closing.due_now")}</Badge>;
  return <DeadlineBadge dueAt={props.dueAt} now={props.now} />;
}

/** Whether the obligation reads as overdue now (past the grace, for "immediately"). */
export function isOverdue(o: { actionId: string; dueAt: string | null }, now: number): boolean {
  return dueState(o, new Date(now)) === "overdue";
}
