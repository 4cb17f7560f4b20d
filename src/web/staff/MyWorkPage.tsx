import { useState } from "react";
import type { Reply } from "../../contract/common.ts";
import type { workReplies } from "../../contract/work/replies.ts";
import { formatDateTime } from "../i18n/format.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { Alert } from "../ui/Alert.tsx";
import { Badge, DeadlineBadge } from "../ui/Badge.tsx";
import { Button } from "../ui/Button.tsx";
import { Link } from "../ui/Link.tsx";
import { Page } from "../ui/Page.tsx";
import { CloseObligationForm } from "./CloseObligationForm.tsx";
import { LoadError } from "./LoadError.tsx";
import { actionLabel, labelFor } from "./labels.ts";
import { useSession } from "./session.tsx";
import { useApi } from "./useApi.ts";
import { useNow } from "./useNow.ts";
import { IncomingReferrals } from "./work/IncomingReferrals.tsx";
import { OverdueInMyArea } from "./work/OverdueInMyArea.tsx";
import { SeatOffers } from "./work/SeatOffers.tsx";
import { TakeButton } from "./work/TakeButton.tsx";

/**
 * "My work": Rapid Assessment Team seats offered to me, my open obligations (soonest due first,
 * live countdowns, close with evidence) and, for those who receive them, referrals to my agency.
 */
export default function MyWorkPage() {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const [loaded, reload] =
    useApi<Reply<typeof workReplies.myObligations>>("/api/v1/me/obligations");
  const [closing, setClosing] = useState<string | null>(null);
  const [closed, setClosed] = useState<string | null>(null);
  const now = useNow();

  return (
    <Page title={t("work.title")} lead={t("work.lead")}>
      <SeatOffers />
      {me.abilities.overdueQueue ? <OverdueInMyArea /> : null}
      <h2>{t("work.obligations")}</h2>
      {closed ? <Alert tone="success">{t("work.closed", { action: closed })}</Alert> : null}
      {loaded.state === "loading" ? (
        <p className="loading" role="status">
          {t("common.loading")}
        </p>
      ) : loaded.state === "failed" ? (
        <LoadError error={loaded.error} />
      ) : loaded.data.obligations.length === 0 ? (
        <p>{t("work.empty")}</p>
      ) : (
        <ul className="obligations">
          {loaded.data.obligations.map((o) => {
            const overdue = o.dueState === "overdue";
            const label = actionLabel(lang, o.actionId);
            return (
              <li
                key={o.id}
                className={`obligation${overdue ? " obligation-overdue" : ""}`}
                data-obligation={o.id}
              >
                <div className="obligation-head">
                  {o.dueState === "due_now" ? (
                    <Badge tone="warning">{t("work.due_now")}</Badge>
                  ) : (
                    <DeadlineBadge dueAt={o.dueAt} now={now} />
                  )}
                  <strong>{label}</strong>
                </div>
                <p className="obligation-meta">
                  <Link href={`/cases/${encodeURIComponent(o.caseId)}`}>{o.caseNumber}</Link>
                  {" · "}
                  {o.claimed
                    ? t("work.yours")
                    : t("work.in_queue", { role: labelFor(t, "role", o.ownerRole) })}
                  {o.dueAt ? ` · ${t("work.due_at", { at: formatDateTime(o.dueAt, lang) })}` : ""}
                </p>
                {closing === o.id ? (
                  <CloseObligationForm
                    obligationId={o.id}
                    version={o.version}
                    onClosed={() => {
                      setClosing(null);
                      setClosed(label);
                      reload();
                    }}
                    onCancel={() => setClosing(null)}
                    onStale={() => {
                      setClosing(null);
                      reload();
                    }}
                  />
                ) : !o.claimed ? (
                  <TakeButton
                    obligationId={o.id}
                    version={o.version}
                    label={t("work.take_named", { action: label, case: o.caseNumber })}
                    onDone={reload}
                  />
                ) : (
                  <Button
                    variant="secondary"
                    onClick={() => {
                      setClosed(null);
                      setClosing(o.id);
                    }}
                    aria-label={t("work.close_named", { action: label, case: o.caseNumber })}
                  >
                    {t("work.close")}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {me.abilities.receiveReferrals ? <IncomingReferrals /> : null}
    </Page>
  );
}
