import type { ReactNode } from "react";
import { formatSpan } from "../i18n/format.ts";
import { useI18n } from "../i18n/i18n.tsx";

export type BadgeTone = "neutral" | "info" | "success" | "warning" | "danger";

export function Badge(props: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={`badge badge-${props.tone ?? "neutral"}`}>{props.children}</span>;
}

/** Soon means within four hours: the 24-hour clocks need attention well before they run out. */
const SOON_MS = 4 * 3_600_000;

/**
 * "Due in 3 h 12 min" or "Overdue by 2 h", from the due time and the page's ticking clock; text,
 * not only colour, says which (WCAG 1.4.1).
 */
export function DeadlineBadge(props: { dueAt: string | null; now: number }) {
  const { t } = useI18n();
  if (props.dueAt === null) return <Badge tone="neutral">{t("deadline.none")}</Badge>;
  const left = Date.parse(props.dueAt) - props.now;
  if (left < 0) {
    return <Badge tone="danger">{t("deadline.overdue", { span: formatSpan(-left) })}</Badge>;
  }
  return (
    <Badge tone={left < SOON_MS ? "warning" : "info"}>
      {t("deadline.due_in", { span: formatSpan(left) })}
    </Badge>
  );
}
