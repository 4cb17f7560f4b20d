import { useState } from "react";
import type { caseFileReplies } from "../../../contract/case-file/replies.ts";
import type { Reply } from "../../../contract/common.ts";
import { ApiError, api } from "../../api/client.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { TextArea } from "../../ui/Field.tsx";
import { Gate } from "../actions.tsx";
import { actionLabel, labelFor } from "../labels.ts";
import { useApi } from "../useApi.ts";

/**
 * "Close this case?": what stays open is listed before anything changes (issue 13). Each open
 * obligation can be retired here with a reason (sent with the close, each retirement recorded);
 * referrals still waiting for an answer are listed, since the receiving agency must answer them
 * or the sending agency withdraw them (in the referrals panel, which the list links to).
 * The server decides: anything left open refuses the close, and its words are shown.
 */
export function CloseConfirmation(props: {
  caseId: string;
  version: number;
  outcome: string;
  onClosed(): void;
  onCancel(): void;
}) {
  const { t, lang } = useI18n();
  const base = `/api/v1/cases/${encodeURIComponent(props.caseId)}`;
  const [obligations] = useApi<Reply<typeof caseFileReplies.obligations>>(`${base}/obligations`);
  const [referrals] = useApi<Reply<typeof caseFileReplies.referrals>>(`${base}/referrals`);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    const retire = Object.entries(reasons)
      .filter(([, r]) => r.trim().length > 0)
      .map(([obligationId, reason]) => ({ obligationId, reason: reason.trim() }));
    try {
      await api.post(`${base}/status`, {
        version: props.version,
        status: "closed",
        outcome: props.outcome,
        ...(retire.length > 0 ? { retire } : {}),
      });
      props.onClosed();
    } catch (e) {
      // The server's refusal is in plain words (what is left open); anything else is generic.
      setError(e instanceof ApiError && e.status !== 500 ? e.message : t("save.failed"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="close-confirmation" aria-labelledby="close-confirmation-title">
      <h3 id="close-confirmation-title">{t("closing.confirm.title")}</h3>
      <p>{t("closing.confirm.lead")}</p>
      <Gate loaded={obligations}>
        {(o) => (
          <Gate loaded={referrals}>
            {(r) => {
              const open = o.obligations.filter((x) => x.status === "open");
              const pending = r.referrals.filter((x) => x.status === "sent");
              return (
                <>
                  {open.length === 0 && pending.length === 0 ? (
                    <p>{t("closing.confirm.nothing_open")}</p>
                  ) : null}
                  {open.length > 0 ? (
                    <>
                      <p>{t("closing.confirm.open_obligations", { count: open.length })}</p>
                      {open.map((x) => (
                        <TextArea
                          key={x.id}
                          label={t("closing.confirm.retire_reason", {
                            action: actionLabel(lang, x.actionId),
                          })}
                          hint={t("closing.confirm.retire_hint")}
                          value={reasons[x.id] ?? ""}
                          maxLength={1000}
                          rows={2}
                          onChange={(e) => setReasons({ ...reasons, [x.id]: e.target.value })}
                        />
                      ))}
                    </>
                  ) : null}
                  {pending.length > 0 ? (
                    <>
                      <p>{t("closing.confirm.pending_referrals", { count: pending.length })}</p>
                      <ul>
                        {pending.map((x) => (
                          <li key={x.id}>
                            {x.toAgencyName} ·{" "}
                            {t("closing.confirm.referral", {
                              domain: labelFor(t, "domain", x.domain),
                              at: formatDateTime(x.sentAt, lang),
                            })}
                          </li>
                        ))}
                      </ul>
                      <p>
                        <a href="#panel-referrals">{t("closing.confirm.to_referrals")}</a>
                      </p>
                    </>
                  ) : null}
                </>
              );
            }}
          </Gate>
        )}
      </Gate>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="actions">
        <Button onClick={() => void confirm()} disabled={busy}>
          {t("closing.confirm.submit")}
        </Button>
        <Button variant="secondary" onClick={props.onCancel}>
          {t("closing.confirm.cancel")}
        </Button>
      </div>
    </section>
  );
}
