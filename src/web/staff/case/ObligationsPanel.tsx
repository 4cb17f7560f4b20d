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
import { useSession } from "../session.tsx";
import { useApi } from "../useApi.ts";
import { useNow } from "../useNow.ts";
import { TakeButton } from "../work/TakeButton.tsx";
import { isOverdue, ObligationClock } from "./ObligationClock.tsx";
import type { CasePanelProps } from "./panels.ts";
import { ReassignObligation } from "./ReassignObligation.tsx";

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

/** Whose an open obligation is: a named owner (staff), or its role's queue at the agency. */
function Owner(props: { o: CaseObligation }) {
  const { t } = useI18n();
  const { me } = useSession();
  const { o } = props;
  if (o.ownerUserId === me.userId) return <>{t("obligation.owner_you")}</>;
  if (o.ownerUserId)
    return <>{t("obligation.owner", { name: o.ownerName ?? t("case.people.withheld") })}</>;
  return <>{t("obligation.unclaimed", { role: labelFor(t, "role", o.ownerRole) })}</>;
}

/**
 * Every obligation of the case (GET /api/v1/cases/:id/obligations) with its deadline or its
 * outcome. "Record outcome" appears exactly where the server says this user may record it
 * (`mayClose`, the policy's own answer), and reuses My work's form with evidence. An open one
 * says whose it is; "Take" and "Reassign" appear where the server says (`mayTake`,
 * `mayReassign`), and the list reloads after either.
 */
export default function ObligationsPanel({ detail }: CasePanelProps) {
  const { t, lang } = useI18n();
  const path = `/api/v1/cases/${encodeURIComponent(detail.id)}/obligations`;
  const [loaded, reload] = useApi<Reply<typeof caseFileReplies.obligations>>(path);
  const [closing, setClosing] = useState<string | null>(null);
  const [reassigning, setReassigning] = useState<string | null>(null);
  const [closed, setClosed] = useState<string | null>(null);
  const now = useNow();
  const refresh = () => {
    setClosing(null);
    setReassigning(null);
    reload();
  };
  const done = (message: string) => {
    setClosed(message);
    refresh();
  };
  return (
    <Gate loaded={loaded}>
      {({ obligations }) =>
        obligations.length === 0 ? (
          <p>{t("case.obligations.none")}</p>
        ) : (
          <>
            {closed ? <Alert tone="success">{closed}</Alert> : null}
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
                      {open ? <Owner o={o} /> : labelFor(t, "role", o.ownerRole)}
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
                        onClosed={() => done(t("work.closed", { action: label }))}
                        onCancel={() => setClosing(null)}
                        onStale={refresh}
                      />
                    ) : open && reassigning === o.id ? (
                      <ReassignObligation
                        caseId={detail.id}
                        obligation={o}
                        action={label}
                        onDone={(name) => done(t("obligation.reassigned", { action: label, name }))}
                        onCancel={() => setReassigning(null)}
                        onStale={refresh}
                      />
                    ) : (
                      <Actions
                        o={o}
                        label={label}
                        caseNumber={detail.caseNumber}
                        onTaken={(taken) =>
                          taken ? done(t("obligation.taken", { action: label })) : refresh()
                        }
                        onClose={() => {
                          setClosed(null);
                          setClosing(o.id);
                        }}
                        onReassign={() => {
                          setClosed(null);
                          setReassigning(o.id);
                        }}
                      />
                    )}
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

/** What the caller may do with one obligation, as the server says: take, record, reassign. */
function Actions(props: {
  o: CaseObligation;
  label: string;
  caseNumber: string;
  onTaken(taken: boolean): void;
  onClose(): void;
  onReassign(): void;
}) {
  const { t } = useI18n();
  const { o, label, caseNumber } = props;
  if (!o.mayTake && !o.mayClose && !o.mayReassign) return null;
  return (
    <div className="actions">
      {o.mayTake ? (
        <TakeButton
          obligationId={o.id}
          version={o.version}
          label={t("work.take_named", { action: label, case: caseNumber })}
          onDone={props.onTaken}
        />
      ) : null}
      {o.mayClose ? (
        <Button
          variant="secondary"
          onClick={props.onClose}
          aria-label={t("work.close_named", { action: label, case: caseNumber })}
        >
          {t("work.close")}
        </Button>
      ) : null}
      {o.mayReassign ? (
        <Button
          variant="secondary"
          onClick={props.onReassign}
          aria-label={t("obligation.reassign_named", { action: label })}
        >
          {t("obligation.reassign")}
        </Button>
      ) : null}
    </div>
  );
}
