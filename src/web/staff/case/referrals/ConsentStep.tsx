import { useState } from "react";
import type { CaseDetail } from "../../../../contract/cases/replies.ts";
import type { Reply } from "../../../../contract/common.ts";
import type { consentReplies } from "../../../../contract/consent/replies.ts";
import { useI18n } from "../../../i18n/i18n.tsx";
import { Alert } from "../../../ui/Alert.tsx";
import { Button } from "../../../ui/Button.tsx";
import { Gate } from "../../actions.tsx";
import { useApi } from "../../useApi.ts";
import { ConsentForm } from "../ConsentForm.tsx";

/**
 * Shown when a referral with the person's name was refused for want of consent: who records
 * that consent (the server's holder rule, GET /cases/:id/consent-step), and, when the reader is
 * one of those advocates, the consent form itself, pre-filled for this person, recipient and
 * the name. The referral form above keeps what was typed, so it can be sent again at once.
 */
export function ConsentStep(props: {
  detail: CaseDetail;
  personId: string;
  recipientAgencyId: string;
}) {
  const { t } = useI18n();
  const query = new URLSearchParams({
    personId: props.personId,
    recipientAgencyId: props.recipientAgencyId,
  });
  const path = `/api/v1/cases/${encodeURIComponent(props.detail.id)}/consent-step?${query}`;
  const [loaded, reload] = useApi<Reply<typeof consentReplies.consentStep>>(path);
  const [open, setOpen] = useState(false);
  const [recorded, setRecorded] = useState(false);
  return (
    <Gate loaded={loaded}>
      {(step) => {
        const names = { holder: step.holderAgencyName, recipient: step.recipientAgencyName };
        if (recorded || step.consentOnRecord)
          return (
            <section className="consent-step">
              <Alert tone="success">
                {recorded ? t("consent_step.recorded") : t("consent_step.on_record", names)}
              </Alert>
            </section>
          );
        return (
          <section className="consent-step" aria-labelledby="consent-step-title">
            <Alert
              tone="warning"
              title={<span id="consent-step-title">{t("consent_step.title")}</span>}
            >
              <p>
                {step.recordedBy === "advocate"
                  ? t("consent_step.advocate", names)
                  : t("consent_step.statute_only", names)}
              </p>
              {step.recordedBy === "advocate" && !step.callerRecords ? (
                <p>{t("consent_step.ask")}</p>
              ) : null}
              {step.callerRecords && !open ? (
                <Button onClick={() => setOpen(true)}>{t("consent_step.record")}</Button>
              ) : null}
            </Alert>
            {step.callerRecords && open ? (
              <ConsentForm
                held={props.detail.persons.filter((p) => p.id === props.personId).slice(0, 1)}
                persons={props.detail.persons}
                initial={{
                  personId: props.personId,
                  recipientAgencyId: props.recipientAgencyId,
                  categories: ["identity"],
                  purpose: t("consent_step.purpose", names),
                }}
                onRecorded={() => {
                  setRecorded(true);
                  setOpen(false);
                  reload();
                }}
              />
            ) : null}
          </section>
        );
      }}
    </Gate>
  );
}
