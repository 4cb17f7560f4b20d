import { useCallback, useEffect, useState } from "react";
import type { CaseloadReply, CaseloadRow } from "../../../contract/cases/replies.ts";
import { type ApiError, api } from "../../api/client.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Badge } from "../../ui/Badge.tsx";
import { Button } from "../../ui/Button.tsx";
import { DataTable } from "../../ui/DataTable.tsx";
import { Link } from "../../ui/Link.tsx";
import { Page } from "../../ui/Page.tsx";
import { LoadError } from "../LoadError.tsx";
import { countyName, determinationLabel, labelFor } from "../labels.ts";
import {
  type CaseloadCriteria,
  CaseloadSearch,
  criteriaQuery,
  NO_CRITERIA,
} from "./CaseloadSearch.tsx";

const DUE_TONE = {
  overdue: "danger",
  due_now: "warning",
  due: "neutral",
  no_deadline: "neutral",
} as const;
const DUE_LABEL = {
  overdue: "caseload.overdue_badge",
  due_now: "caseload.due_now",
  due: "caseload.due",
  no_deadline: "caseload.no_deadline",
} as const;

/** The caseload (GET /api/v1/cases): search, filters, most urgent first, "Load more". */
export default function CaseloadPage() {
  const { t, lang } = useI18n();
  const [criteria, setCriteria] = useState<CaseloadCriteria>(NO_CRITERIA);
  const [rows, setRows] = useState<CaseloadRow[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [duplicate, setDuplicate] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const fetchPage = useCallback(async (c: CaseloadCriteria, after: string | null) => {
    const q = criteriaQuery(c);
    if (after) q.set("after", after);
    setBusy(true);
    try {
      const reply = await api.get<CaseloadReply>(`/api/v1/cases?${q.toString()}`);
      setRows((old) => (after && old ? [...old, ...reply.cases] : reply.cases));
      setCursor(reply.nextCursor);
      setDuplicate(reply.possibleDuplicateElsewhere);
      setError(null);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  }, []);

  useEffect(() => {
    setRows(null);
    void fetchPage(criteria, null);
  }, [criteria, fetchPage]);

  const cols = {
    case: t("caseload.col.case"),
    status: t("caseload.col.status"),
    due: t("caseload.col.due"),
    county: t("caseload.col.county"),
    determination: t("caseload.col.determination"),
    worker: t("caseload.col.worker"),
    rat: t("caseload.col.rat"),
    open: t("caseload.col.open"),
    received: t("caseload.col.received"),
  };
  return (
    <Page title={t("caseload.title")} lead={t("caseload.lead")}>
      <CaseloadSearch onSearch={setCriteria} />
      <div aria-live="polite">
        {duplicate ? <Alert tone="warning">{t("caseload.duplicate")}</Alert> : null}
      </div>
      {error ? <LoadError error={error} /> : null}
      {rows === null ? (
        error ? null : (
          <p className="loading" role="status">
            {t("common.loading")}
          </p>
        )
      ) : rows.length === 0 ? (
        <p role="status">{t("caseload.empty")}</p>
      ) : (
        <>
          <DataTable caption={t("caseload.title")} columns={Object.values(cols)}>
            {rows.map((c) => (
              <tr key={c.id}>
                <td data-label={cols.case}>
                  <Link href={`/cases/${encodeURIComponent(c.id)}`}>{c.caseNumber}</Link>
                </td>
                <td data-label={cols.status}>{labelFor(t, "status", c.status)}</td>
                <td data-label={cols.due}>
                  <Badge tone={DUE_TONE[c.dueState]}>{t(DUE_LABEL[c.dueState])}</Badge>
                  {c.nextDueAt ? (
                    <span className="muted"> {formatDateTime(c.nextDueAt, lang)}</span>
                  ) : null}
                </td>
                <td data-label={cols.county}>{countyName(c.countyFips)}</td>
                <td data-label={cols.determination}>{determinationLabel(lang, c.determination)}</td>
                <td data-label={cols.worker}>{c.assignedWorker ?? t("caseload.unassigned")}</td>
                <td data-label={cols.rat}>
                  {c.ratFormed ? t("caseload.rat_formed") : t("caseload.rat_not")}
                </td>
                <td data-label={cols.open}>{c.openObligations}</td>
                <td data-label={cols.received}>{formatDateTime(c.receivedAt, lang)}</td>
              </tr>
            ))}
          </DataTable>
          {cursor ? (
            <Button
              variant="secondary"
              disabled={busy}
              onClick={() => void fetchPage(criteria, cursor)}
            >
              {t("caseload.load_more")}
            </Button>
          ) : null}
        </>
      )}
    </Page>
  );
}
