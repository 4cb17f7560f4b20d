import type { Assessment } from "../../domain/assessment/engine.ts";
import { telHref } from "../../domain/contacts.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { Badge } from "../ui/Badge.tsx";

/** Reports the law requires (contract rule 10), listed first and marked as required. */
const REQUIRED_REPORTS = new Set([
  "report_cps",
  "report_mbi_ht_coordinator",
  "report_attorney_general",
  "notify_cps_minor_in_custody",
]);

/**
 * What to do, from the server's assessment: each action with whom to contact, their number as a
 * tap-to-call link, when, and the law behind it. Nothing here is decided in the browser.
 */
export function NextSteps(props: { assessment: Assessment; headingLevel?: 2 | 3 }) {
  const { t } = useI18n();
  const Heading = props.headingLevel === 3 ? "h3" : "h2";
  const { actionDetails, rationale } = props.assessment;
  return (
    <div className="next-steps">
      {/* A result with nothing to do shows no empty "What to do now"; help is listed beside it. */}
      {actionDetails.length > 0 ? (
        <>
          <Heading>{t("steps.what_to_do")}</Heading>
          <ol className="action-list">
            {actionDetails.map((a) => (
              <li key={a.id} className="action" data-action={a.id}>
                <p className="action-label">
                  {REQUIRED_REPORTS.has(a.id) ? (
                    <Badge tone="danger">{t("steps.required_report")}</Badge>
                  ) : null}{" "}
                  <strong>{a.label}</strong>
                </p>
                <dl className="action-facts">
                  <dt>{t("steps.who")}</dt>
                  <dd>
                    {a.contact}
                    {a.phone && a.tel ? (
                      <>
                        {" · "}
                        <a href={telHref({ tel: a.tel })} className="phone">
                          {a.phone}
                        </a>
                      </>
                    ) : null}
                  </dd>
                  <dt>{t("steps.when")}</dt>
                  <dd>{a.deadline}</dd>
                  <dt>{t("steps.source")}</dt>
                  <dd>
                    <cite>{a.citation}</cite>
                  </dd>
                </dl>
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {rationale.length > 0 ? (
        <>
          <Heading>{t("steps.why")}</Heading>
          <ul className="rationale">
            {rationale.map((r) => (
              <li key={`${r.rule}-${r.contractRule}`}>
                {r.text} <cite>({r.citation})</cite>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
