import { useState } from "react";
import type { CaseObligation, caseFileReplies } from "../../../contract/case-file/replies.ts";
import type { Reply } from "../../../contract/common.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Badge } from "../../ui/Badge.tsx";
import { Button } from "../../ui/Button.tsx";
import { Gate } from "../actions.tsx";
import { CloseObligationForm } from "../CloseObligationForm.tsx";
import { actionLabel, labelFor } from "../labels.ts";
import { useApi } from "../useApi.ts";
import { useNow } from "../useNow.ts";
import { isOverdue, ObligationClock } from "./ObligationClock.tsx";
import type { CasePanelProps } from "./panels.ts";

/** Open first, soonest due first; then the closed ones, most recent first. */
function ordered(obligations: CaseObligation[]): CaseObligation[] {
  const due = (o: CaseObligation) => (o.dueAt ? Date.parse(o.dueAt) : Number.POSITIVE_INFINITY);
  const open = obligations.filter((o) => o.status === "open").sort((a, b) => due(a) - due(b));
  const closed = obligations
    .filter((o) => o.status !== "open")
    .sort((a, b) => (b.closedAt ?? "").localeCompare(a.closedAt ?? ""));
  return [...open, ...closed];
}

/** The evidence recorded when an obligation was met: reference number and whom they spoke to. */
function Evidence(props: { o: CaseObligation }) {
  const { t, lang } = useI18n();
  const { o } = props;
  const text = (v: unknown) => (typeof v === "string" && v.length > 0 ? v : null);
  const reference = text(o.evidence?.reference);
  const spokeWith = text(o.evidence?.spokeWith);
  const at = text(o.evidence?.at);
  // CPS's own intake is the report to CPS (domain/closing.ts, Miss. Code § 43-21-353).
  const byIntake = o.evidence?.madeBy === "intake";
  return (
    <p className="obligation-meta">
      <Badge tone={o.status === "done" ? "success" : "neutral"}>
        {labelFor(t, "obligation_status", o.status)}
      </Badge>{" "}
      {o.closedAt ? formatDateTime(o.closedAt, lang) : ""}
      {reference ? ` · ${t("close.reference")}: ${reference}` : ""}
      {spokeWith ? ` · ${t("close.spoke_with")}: ${spokeWith}` : ""}
      {at ? ` · ${t("closing.evidence.at")}: ${formatDateTime(at, lang)}` : ""}
      {byIntake
        ? ` · ${t("closing.made_by_intake", { statute: text(o.evidence?.statute) ?? "" })}`
        : ""}
      {o.reason ? ` · ${o.reason}` : ""}
    </p>
  );
}

/**
 * Every obligation of the case (GET /api/v1/cases/:id/obligations) with its deadline or its
 * outcome. "Record outcome" appears exactly where the server says this user may record it
 * (`mayClose`, the policy's own answer), and reuses My work's form with evidence.
 */
export default function ObligationsPanel({ detail }: CasePanelProps) {
  const { t, lang } = useI18n();
  const path = `/api/v1/cases/${encodeURIComponent(detail.id)}/obligations`;
  const [loaded, reload] = useApi<Reply<typeof caseFileReplies.obligations>>(path);
  const [closing, setClosing] = useState<string | null>(null);
  const [closed, setClosed] = useState<string | null>(null);
  const now = useNow();
  const refresh = () => {
    setClosing(null);
    reload();
  };
  return (
    <Gate loaded={loaded}>
      {({ obligations }) =>
        obligations.length === 0 ? (
          <p>{t("case.obligations.none")}</p>
        ) : (
          <>
            {closed ? <Alert tone="success">{t("work.closed", { action: closed })}</Alert> : null}
            <ul className="obligations">
              {ordered(obligations).map((o) => {
                const label = actionLabel(lang, o.actionId);
                const open = o.status === "open";
                const overdue = open && isOverdue(o, now);
                return (
                  <li key={o.id} className={`obligation${overdue ? " obligation-overdue" : ""}`}>
                    <div className="obligation-head">
                      {open ? (
                        <ObligationClock actionId={o.actionId} dueAt={o.dueAt} now={now} />
                      ) : null}
                      <strong>{label}</strong>
                    </div>
                    <p className="obligation-meta">
                      {labelFor(t, "role", o.ownerRole)}
                      {open && o.dueAt
                        ? ` · ${t("work.due_at", { at: formatDateTime(o.dueAt, lang) })}`
                        : ""}
                    </p>
                    {open ? null : <Evidence o={o} />}
                    {open && closing === o.id ? (
                      <CloseObligationForm
                        obligationId={o.id}
                        actionId={o.actionId}
                        version={o.version}
                        onClosed={() => {
                          setClosed(label);
                          refresh();
                        }}
                        onCancel={() => setClosing(null)}
                        onStale={refresh}
                      />
                    ) : o.mayClose ? (
                      <Button
                        variant="secondary"
                        onClick={() => {
                          setClosed(null);
                          setClosing(o.id);
                        }}
                        aria-label={t("work.close_named", {
                          action: label,
                          case: detail.caseNumber,
                        })}
                      >
                        {t("work.close")}
                      </Button>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </>
        )
      }
    </Gate>
  );
}
