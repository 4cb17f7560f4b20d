import { useState } from "react";
import type { auditReplies } from "../../contract/audit/replies.ts";
import type { Reply } from "../../contract/common.ts";
import { formatDateTime } from "../i18n/format.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { Badge } from "../ui/Badge.tsx";
import { Button } from "../ui/Button.tsx";
import { DataTable } from "../ui/DataTable.tsx";
import { Page } from "../ui/Page.tsx";
import { LoadError } from "./LoadError.tsx";
import { labelFor } from "./labels.ts";
import { useApi } from "./useApi.ts";

const PAGE_SIZE = 50;

/**
 * The audit trail as the server scopes it (an agency administrator: their agency; a system
 * administrator: everything), newest first, fifty at a time. Rows name fields, never values.
 */
export default function AuditPage() {
  const { t, lang } = useI18n();
  const [before, setBefore] = useState<number[]>([]);
  const cursor = before[before.length - 1];
  const [loaded] = useApi<Reply<typeof auditReplies.rows>>(
    `/api/v1/audit?limit=${PAGE_SIZE}${cursor !== undefined ? `&before=${cursor}` : ""}`,
  );
  const rows = loaded.state === "ready" ? loaded.data.rows : [];
  const last = rows[rows.length - 1];
  return (
    <Page title={t("audit.title")} lead={t("audit.lead")}>
      {loaded.state === "loading" ? (
        <p className="loading" role="status">
          {t("common.loading")}
        </p>
      ) : loaded.state === "failed" ? (
        <LoadError error={loaded.error} />
      ) : rows.length === 0 ? (
        <p>{t("audit.empty")}</p>
      ) : (
        <DataTable
          caption={t("audit.title")}
          columns={[
            t("audit.at"),
            t("audit.action"),
            t("audit.actor"),
            t("audit.record"),
            t("audit.outcome"),
          ]}
        >
          {rows.map((r) => (
            <tr key={r.seq}>
              <td data-label={t("audit.at")}>{formatDateTime(r.at, lang)}</td>
              <td data-label={t("audit.action")}>
                <code>{r.action}</code>
                {r.fields.length > 0 ? (
                  <span className="muted"> ({r.fields.join(", ")})</span>
                ) : null}
              </td>
              <td data-label={t("audit.actor")}>{labelFor(t, "role", r.actorRole)}</td>
              <td data-label={t("audit.record")}>{r.caseNumber ?? "—"}</td>
              <td data-label={t("audit.outcome")}>
                <Badge tone={r.outcome === "allowed" ? "success" : "warning"}>{r.outcome}</Badge>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <div className="actions">
        {before.length > 0 ? (
          <Button variant="secondary" onClick={() => setBefore(before.slice(0, -1))}>
            {t("audit.newer")}
          </Button>
        ) : null}
        {last && rows.length === PAGE_SIZE ? (
          <Button variant="secondary" onClick={() => setBefore([...before, last.seq])}>
            {t("audit.older")}
          </Button>
        ) : null}
      </div>
    </Page>
  );
}
