import { useState } from "react";
import type { caseFileReplies } from "../../../../contract/case-file/replies.ts";
import type { Reply } from "../../../../contract/common.ts";
import { formatDateTime } from "../../../i18n/format.ts";
import { useI18n } from "../../../i18n/i18n.tsx";
import { Alert } from "../../../ui/Alert.tsx";
import { Badge } from "../../../ui/Badge.tsx";
import { Button } from "../../../ui/Button.tsx";
import { Gate } from "../../actions.tsx";
import { labelFor } from "../../labels.ts";
import { useApi } from "../../useApi.ts";
import type { CasePanelProps } from "../panels.ts";
import { personLabel } from "../people.ts";
import { ReferralForm } from "./ReferralForm.tsx";
import { WithdrawReferral } from "./WithdrawReferral.tsx";

/**
 * Referrals sent for the case's people, each saying whether the person's name went with it and
 * on what basis (their consent, or the statute requiring a report to CPS), and the recipient's
 * answer. Sending one is offered when the case's abilities allow it; withdrawing one the
 * caller's agency sent, while nobody has answered it, where the server says (`mayWithdraw`).
 */
export default function ReferralsPanel({ detail }: CasePanelProps) {
  const { t, lang } = useI18n();
  const path = `/api/v1/cases/${encodeURIComponent(detail.id)}/referrals`;
  const [loaded, reload] = useApi<Reply<typeof caseFileReplies.referrals>>(path);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);
  const [withdrawn, setWithdrawn] = useState(false);
  const person = (id: string) => detail.persons.find((p) => p.id === id);
  return (
    <Gate loaded={loaded}>
      {({ referrals }) => (
        <>
          {sent ? <Alert tone="success">{t("referral.sent")}</Alert> : null}
          {withdrawn ? <Alert tone="success">{t("referral.withdrawn")}</Alert> : null}
          {referrals.length === 0 ? (
            <p>{t("referral.none")}</p>
          ) : (
            <ul className="referrals">
              {referrals.map((r) => {
                const who = person(r.personId);
                return (
                  <li key={r.id} className="referral">
                    <p>
                      <strong>{r.service}</strong> · {labelFor(t, "domain", r.domain)} →{" "}
                      {r.toAgencyName}
                    </p>
                    <p className="obligation-meta">
                      <Badge
                        tone={
                          r.status === "declined"
                            ? "danger"
                            : r.status === "withdrawn"
                              ? "neutral"
                              : "info"
                        }
                      >
                        {labelFor(t, "referral_status", r.status)}
                      </Badge>{" "}
                      {who ? `${personLabel(t, who)} · ` : ""}
                      {t("referral.sent_at", { at: formatDateTime(r.sentAt, lang) })}
                      {r.reason ? ` · “${r.reason}”` : ""}
                    </p>
                    <p className="obligation-meta">
                      {labelFor(t, "disclosure", r.disclosureBasis)}
                      {r.statute ? (
                        <>
                          {" · "}
                          <cite>{r.statute}</cite>
                        </>
                      ) : null}
                    </p>
                    {r.mayWithdraw ? (
                      <WithdrawReferral
                        referral={r}
                        onWithdrawn={() => {
                          setSent(false);
                          setWithdrawn(true);
                          reload();
                        }}
                        onStale={reload}
                      />
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
          {detail.abilities.sendReferral ? (
            sending ? (
              <ReferralForm
                detail={detail}
                onSent={() => {
                  setSending(false);
                  setSent(true);
                  reload();
                }}
                onCancel={() => setSending(false)}
              />
            ) : (
              <Button
                variant="secondary"
                onClick={() => {
                  setSent(false);
                  setWithdrawn(false);
                  setSending(true);
                }}
              >
                {t("referral.new")}
              </Button>
            )
          ) : null}
        </>
      )}
    </Gate>
  );
}
