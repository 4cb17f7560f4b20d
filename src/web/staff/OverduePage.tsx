import type { Reply } from "../../contract/common.ts";
import type { workReplies } from "../../contract/work/replies.ts";
import { formatDateTime, formatSpan } from "../i18n/format.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { Badge } from "../ui/Badge.tsx";
import { DataTable } from "../ui/DataTable.tsx";
import { Link } from "../ui/Link.tsx";
import { Page } from "../ui/Page.tsx";
import { LoadError } from "./LoadError.tsx";
import { actionLabel, countyName, labelFor } from "./labels.ts";
import { useApi } from "./useApi.ts";
import { useNow } from "./useNow.ts";

/** The overdue list for task-force leads and the state coordinator, oldest first. */
export default function OverduePage() {
  const { t, lang } = useI18n();
  const [loaded] = useApi<Reply<typeof workReplies.overdue>>("/api/v1/queues/overdue");
  const now = useNow();
  return (
    <Page title={t("overdue.title")} lead={t("overdue.lead")}>
      {loaded.state === "loading" ? (
        <p className="loading" role="status">
          {t("common.loading")}
        </p>
      ) : loaded.state === "failed" ? (
        <LoadError error={loaded.error} />
      ) : loaded.data.obligations.length === 0 ? (
        <p>{t("overdue.empty")}</p>
      ) : (
        <DataTable
          caption={t("overdue.title")}
          columns={[
            t("overdue.case"),
            t("overdue.action"),
            t("overdue.owner"),
            t("overdue.county"),
            t("overdue.due"),
          ]}
        >
          {loaded.data.obligations.map((o) => (
            <tr key={o.id} className="obligation-overdue">
              <td data-label={t("overdue.case")}>
                <Link href={`/cases/${encodeURIComponent(o.caseId)}`}>{o.caseNumber}</Link>
              </td>
              <td data-label={t("overdue.action")}>{actionLabel(lang, o.actionId)}</td>
              <td data-label={t("overdue.owner")}>{labelFor(t, "role", o.ownerRole)}</td>
              <td data-label={t("overdue.county")}>{countyName(o.countyFips)}</td>
              <td data-label={t("overdue.due")}>
                <Badge tone="danger">
                  {t("deadline.overdue", { span: formatSpan(now - Date.parse(o.dueAt)) })}
                </Badge>{" "}
                <span className="muted">{formatDateTime(o.dueAt, lang)}</span>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </Page>
  );
}
