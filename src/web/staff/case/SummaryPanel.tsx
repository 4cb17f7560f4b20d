import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { countyName, determinationLabel, labelFor } from "../labels.ts";
import type { CasePanelProps } from "./panels.ts";

export default function SummaryPanel({ detail }: CasePanelProps) {
  const { t, lang } = useI18n();
  const tip = detail.tip;
  return (
    <>
      <dl className="facts">
        <dt>{t("case.number")}</dt>
        <dd>{detail.caseNumber}</dd>
        <dt>{t("case.status")}</dt>
        <dd>{labelFor(t, "status", detail.status)}</dd>
        {detail.status === "closed" ? (
          <>
            <dt>{t("case.outcome")}</dt>
            <dd>{labelFor(t, "outcome", detail.outcome)}</dd>
            <dt>{t("case.closed_at")}</dt>
            <dd>{detail.closedAt ? formatDateTime(detail.closedAt, lang) : "—"}</dd>
          </>
        ) : null}
        <dt>{t("case.determination")}</dt>
        <dd>{determinationLabel(lang, detail.determination)}</dd>
        <dt>{t("case.source")}</dt>
        <dd>{labelFor(t, "source", detail.source)}</dd>
        <dt>{t("case.county")}</dt>
        <dd>{countyName(detail.countyFips)}</dd>
        <dt>{t("case.received")}</dt>
        <dd>{formatDateTime(detail.receivedAt, lang)}</dd>
      </dl>
      {tip && (tip.venue || tip.narrative || tip.contact) ? (
        <section className="case-tip" aria-labelledby="case-tip-title">
          <h3 id="case-tip-title">{t("case.tip.title")}</h3>
          <dl className="facts">
            {tip.venue ? (
              <>
                <dt>{t("case.tip.venue")}</dt>
                <dd>{labelFor(t, "venue", tip.venue)}</dd>
              </>
            ) : null}
            {tip.narrative ? (
              <>
                <dt>{t("case.tip.words")}</dt>
                <dd className="tip-words">{tip.narrative}</dd>
              </>
            ) : null}
            {tip.contact ? (
              <>
                <dt>{t("case.tip.contact")}</dt>
                <dd>{tip.contact}</dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : null}
    </>
  );
}
