import { useState } from "react";
import { CASE_OUTCOMES } from "../../../domain/coordination/case-status.ts";
import { api } from "../../api/client.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Button } from "../../ui/Button.tsx";
import { Select } from "../../ui/Field.tsx";
import { ActionForm, useAction } from "../actions.tsx";
import { labelFor } from "../labels.ts";
import { CloseConfirmation } from "./CloseConfirmation.tsx";
import type { CasePanelProps } from "./panels.ts";

/**
 * Closes the case with an outcome (the annual statistics of § 97-3-54.9 count them) or reopens
 * it (recorded on the timeline). Closing never happens in one click: the outcome is chosen, then
 * a confirmation lists what stays open and lets each obligation be retired with a reason
 * (CloseConfirmation). The case version sent is the one on screen: a change meanwhile is a 409.
 * Shown only to those the server lets change the status.
 */
export default function StatusPanel({ detail, reload }: CasePanelProps) {
  const { t, lang } = useI18n();
  const action = useAction();
  const [outcome, setOutcome] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [outcomeError, setOutcomeError] = useState<string | null>(null);
  const closed = detail.status === "closed";
  const reopen = async () => {
    const done = await action.run(() =>
      api.post(`/api/v1/cases/${encodeURIComponent(detail.id)}/status`, {
        version: detail.version,
        status: "open",
      }),
    );
    if (done) reload();
  };
  const askToClose = () => {
    if (!outcome) {
      setOutcomeError(t("closing.outcome_needed"));
      return;
    }
    setOutcomeError(null);
    setConfirming(true);
  };
  if (closed)
    return (
      <ActionForm action={action} onSubmit={reopen} onReload={reload}>
        <p>
          {t("case.status.closed_with", {
            outcome: labelFor(t, "outcome", detail.outcome),
            at: detail.closedAt ? formatDateTime(detail.closedAt, lang) : "—",
          })}
        </p>
        <p className="muted">{t("case.status.reopen_hint")}</p>
        <Button type="submit" variant="secondary" disabled={action.busy}>
          {t("case.status.reopen")}
        </Button>
      </ActionForm>
    );
  if (confirming)
    return (
      <CloseConfirmation
        caseId={detail.id}
        version={detail.version}
        outcome={outcome}
        onClosed={reload}
        onCancel={() => setConfirming(false)}
      />
    );
  return (
    <ActionForm action={action} fields={["outcome"]} onSubmit={askToClose} onReload={reload}>
      <p className="muted">{t("case.status.close_hint")}</p>
      <Select
        label={t("case.outcome")}
        choices={CASE_OUTCOMES.map((o) => ({ value: o, label: labelFor(t, "outcome", o) }))}
        placeholder={t("common.choose")}
        value={outcome}
        required
        error={outcomeError}
        onChange={(e) => setOutcome(e.target.value)}
      />
      <Button type="submit" disabled={action.busy}>
        {t("case.status.close")}
      </Button>
    </ActionForm>
  );
}
