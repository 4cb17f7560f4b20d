import { useState } from "react";
import type { Reply } from "../../../contract/common.ts";
import type { IncomingReferral, workReplies } from "../../../contract/work/replies.ts";
import {
  REFERRAL_TRANSITIONS,
  type ReferralStatus,
} from "../../../domain/coordination/referral.ts";
import { api } from "../../api/client.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Badge } from "../../ui/Badge.tsx";
import { Button } from "../../ui/Button.tsx";
import { TextArea } from "../../ui/Field.tsx";
import { Link } from "../../ui/Link.tsx";
import { ActionForm, Gate, useAction } from "../actions.tsx";
import { labelFor } from "../labels.ts";
import { useApi } from "../useApi.ts";

/**
 * Referrals sent to my agency: accept, decline with a reason, or mark completed. The person's
 * name appears only when the referral carried it on a basis that still holds (the server
 * decides); otherwise only the age is shown.
 */
export function IncomingReferrals() {
  const { t } = useI18n();
  const [loaded, reload] =
    useApi<Reply<typeof workReplies.incomingReferrals>>("/api/v1/me/referrals");
  const [done, setDone] = useState<string | null>(null);
  return (
    <section className="work-section" aria-labelledby="incoming-referrals">
      <h2 id="incoming-referrals">{t("incoming.title")}</h2>
      {done ? <Alert tone="success">{done}</Alert> : null}
      <Gate loaded={loaded}>
        {({ referrals }) =>
          referrals.length === 0 ? (
            <p>{t("incoming.none")}</p>
          ) : (
            <ul className="plain-list">
              {referrals.map((r) => (
                <ReferralItem
                  key={r.id}
                  referral={r}
                  onAnswered={(status) => {
                    setDone(
                      t("incoming.answered", {
                        service: r.service,
                        status: labelFor(t, "referral_status", status),
                      }),
                    );
                    reload();
                  }}
                  onStale={reload}
                />
              ))}
            </ul>
          )
        }
      </Gate>
    </section>
  );
}

function ReferralItem(props: {
  referral: IncomingReferral;
  onAnswered(status: string): void;
  onStale(): void;
}) {
  const { t, lang } = useI18n();
  const { referral: r } = props;
  const action = useAction();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState("");
  const name = [r.identity.givenName, r.identity.familyName].filter(Boolean).join(" ");
  const answers = REFERRAL_TRANSITIONS[r.status];
  const respond = async (status: ReferralStatus) => {
    const answered = await action.run(() =>
      api.post(`/api/v1/referrals/${encodeURIComponent(r.id)}/respond`, {
        version: r.version,
        status,
        ...(status === "declined" ? { reason } : {}),
      }),
    );
    if (answered) props.onAnswered(status);
  };
  return (
    <li className="offer" data-referral={r.id}>
      <p>
        <strong>{r.service}</strong> · {labelFor(t, "domain", r.domain)} ·{" "}
        {r.status === "accepted" ? (
          // Accepting is the recorded basis on which the agency now works the case.
          <Link href={`/cases/${encodeURIComponent(r.caseId)}`}>{r.caseNumber}</Link>
        ) : (
          r.caseNumber
        )}{" "}
        <Badge tone="info">{labelFor(t, "referral_status", r.status)}</Badge>
      </p>
      <p className="obligation-meta">
        {name ? `${name} · ` : ""}
        {r.ageYears !== null ? `${t("case.people.age", { age: r.ageYears })} · ` : ""}
        {labelFor(t, "disclosure", r.disclosureBasis)} ·{" "}
        {t("referral.sent_at", { at: formatDateTime(r.sentAt, lang) })}
      </p>
      {answers.length > 0 ? (
        <ActionForm
          action={action}
          fields={["reason"]}
          onSubmit={() => respond("declined")}
          onReload={props.onStale}
          className="inline-form"
          label={t("incoming.answer_named", { service: r.service, case: r.caseNumber })}
        >
          {declining ? (
            <>
              <TextArea
                label={t("incoming.reason")}
                value={reason}
                required
                minLength={3}
                maxLength={1000}
                rows={2}
                error={action.fieldError("reason")}
                onChange={(e) => setReason(e.target.value)}
              />
              <Button type="submit" variant="danger" disabled={action.busy}>
                {t("incoming.decline_confirm")}
              </Button>
              <Button variant="secondary" onClick={() => setDeclining(false)}>
                {t("common.cancel")}
              </Button>
            </>
          ) : (
            answers.map((status) =>
              status === "declined" ? (
                <Button key={status} variant="secondary" onClick={() => setDeclining(true)}>
                  {t("incoming.decline")}
                </Button>
              ) : (
                <Button key={status} disabled={action.busy} onClick={() => void respond(status)}>
                  {t(status === "accepted" ? "incoming.accept" : "incoming.complete")}
                </Button>
              ),
            )
          )}
        </ActionForm>
      ) : null}
    </li>
  );
}
