import type { Reply } from "../../../contract/common.ts";
import type { OpenCase, workReplies } from "../../../contract/work/replies.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Badge } from "../../ui/Badge.tsx";
import { DataTable } from "../../ui/DataTable.tsx";
import { Link } from "../../ui/Link.tsx";
import { Page } from "../../ui/Page.tsx";
import { Gate } from "../actions.tsx";
import { countyName, determinationLabel } from "../labels.ts";
import { useApi } from "../useApi.ts";

/** The RAT column: formed, convened and waiting, or not convened (text, not only colour). */
function RatBadge(props: { c: OpenCase }) {
  const { t } = useI18n();
  if (props.c.ratFormedAt) return <Badge tone="success">{t("open_cases.rat_formed")}</Badge>;
  if (props.c.ratRequestedAt) return <Badge tone="warning">{t("open_cases.rat_forming")}</Badge>;
  return <Badge tone="neutral">{t("open_cases.rat_none")}</Badge>;
}

/**
 * Open cases the user oversees (GET /api/v1/queues/open-cases): whether the Rapid Assessment
 * Team is formed, and how many obligations are open and overdue.
 */
export default function OpenCasesPage() {
  const { t, lang } = useI18n();
  const [loaded] = useApi<Reply<typeof workReplies.openCases>>("/api/v1/queues/open-cases");
  const columns = [
    t("open_cases.case"),
    t("case.county"),
    t("case.determination"),
    t("case.received"),
    t("open_cases.rat"),
    t("open_cases.obligations"),
  ];
  return (
    <Page title={t("open_cases.title")} lead={t("open_cases.lead")}>
      <Gate loaded={loaded}>
        {({ cases }) =>
          cases.length === 0 ? (
            <p>{t("open_cases.empty")}</p>
          ) : (
            <DataTable caption={t("open_cases.title")} columns={columns}>
              {cases.map((c) => (
                <tr
                  key={c.id}
                  className={c.overdueObligations > 0 ? "obligation-overdue" : undefined}
                >
                  <td data-label={columns[0]}>
                    <Link href={`/cases/${encodeURIComponent(c.id)}`}>{c.caseNumber}</Link>
                  </td>
                  <td data-label={columns[1]}>{countyName(c.countyFips)}</td>
                  <td data-label={columns[2]}>{determinationLabel(lang, c.determination)}</td>
                  <td data-label={columns[3]}>{formatDateTime(c.receivedAt, lang)}</td>
                  <td data-label={columns[4]}>
                    <RatBadge c={c} />
                  </td>
                  <td data-label={columns[5]}>
                    {t("open_cases.counts", { open: c.openObligations })}
                    {c.overdueObligations > 0 ? (
                      <>
                        {" "}
                        <Badge tone="danger">
                          {t("open_cases.overdue", { n: c.overdueObligations })}
                        </Badge>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </DataTable>
          )
        }
      </Gate>
    </Page>
  );
}
