import { useEffect } from "react";
import type { CaseDetail } from "../../../contract/cases/replies.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Badge, DeadlineBadge } from "../../ui/Badge.tsx";
import { actionLabel, determinationLabel, labelFor } from "../labels.ts";
import { useNow } from "../useNow.ts";
import type { CasePanel } from "./panels.ts";

/**
 * What a caseworker needs whatever part of the case they are reading: its status, what it is,
 * the next deadline and who has it; then a jump list to each section (the case page is long).
 * Sticky on a wide screen; on a phone it scrolls away, so the case keeps the screen.
 */
export function CaseHeader(props: { detail: CaseDetail; panels: readonly CasePanel[] }) {
  const { t, lang } = useI18n();
  const now = useNow();
  const { detail } = props;
  // The case header sticks just under the site header, whose height depends on the menu's width.
  useEffect(() => {
    const site = document.querySelector<HTMLElement>(".site-header");
    if (!site) return;
    const set = () =>
      document.documentElement.style.setProperty("--site-header-height", `${site.offsetHeight}px`);
    set();
    const watch = new ResizeObserver(set);
    watch.observe(site);
    return () => watch.disconnect();
  }, []);
  const next = detail.nextDue;
  return (
    <div className="case-header">
      <dl className="case-header-facts">
        <div>
          <dt>{t("case.status")}</dt>
          <dd>
            <Badge tone={detail.status === "closed" ? "neutral" : "info"}>
              {labelFor(t, "status", detail.status)}
            </Badge>
          </dd>
        </div>
        <div>
          <dt>{t("case.determination")}</dt>
          <dd>{determinationLabel(lang, detail.determination)}</dd>
        </div>
        <div className="case-header-next">
          <dt>{t("case_header.next")}</dt>
          <dd>
            {next ? (
              <>
                {next.dueState === "due_now" ? (
                  <Badge tone="warning">{t("work.due_now")}</Badge>
                ) : (
                  <DeadlineBadge dueAt={next.dueAt} now={now} />
                )}{" "}
                {actionLabel(lang, next.actionId)}
                <span className="muted"> · {formatDateTime(next.dueAt, lang)}</span>
              </>
            ) : (
              t("case_header.no_deadline")
            )}
          </dd>
        </div>
        <div>
          <dt>{t("case_header.worker")}</dt>
          <dd>{detail.assignedWorker?.displayName ?? t("case_header.no_worker")}</dd>
        </div>
      </dl>
      <nav aria-label={t("case_header.sections")} className="case-jump">
        <ul>
          {props.panels.map((p) => (
            <li key={p.id}>
              <a href={`#panel-${p.id}`}>{t(p.title)}</a>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
