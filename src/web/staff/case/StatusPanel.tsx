import { useState } from "react";
import { CASE_OUTCOMES } from "../../../domain/coordination/case-status.ts";
import { api } from "../../api/client.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Button } from "../../ui/Button.tsx";
import { Select } from "../../ui/Field.tsx";
import { ActionForm, useAction } from "../actions.tsx";
import { labelFor } from "../labels.ts";
import type { CasePanelProps } from "./panels.ts";

/**
 * Closes the case with an outcome (the annual statistics of § 97-3-54.9 count them) or reopens
 * it. The case version sent is the one on screen: a change by someone else meanwhile is a 409.
 * Shown only to those the server lets change the status.
 */
export default function StatusPanel({ detail, reload }: CasePanelProps) {
  const { t, lang } = useI18n();
  const action = useAction();
  const [outcome, setOutcome] = useState("");
  const closed = detail.status === "closed";
  const submit = async () => {
    const body = closed
      ? { version: detail.version, status: "open" }
      : { version: detail.version, status: "closed", outcome };
    const done = await action.run(() =>
      api.post(`/api/v1/cases/${encodeURIComponent(detail.id)}/status`, body),
    );
    if (done) reload();
  };
  return (
    <ActionForm action={action} fields={["outcome"]} onSubmit={submit} onReload={reload}>
      {closed ? (
        <>
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
        </>
      ) : (
        <>
          <p className="muted">{t("case.status.close_hint")}</p>
          <Select
            label={t("case.outcome")}
            choices={CASE_OUTCOMES.map((o) => ({ value: o, label: labelFor(t, "outcome", o) }))}
            placeholder={t("common.choose")}
            value={outcome}
            required
            error={action.fieldError("outcome")}
            onChange={(e) => setOutcome(e.target.value)}
          />
          <Button type="submit" disabled={action.busy}>
            {t("case.status.close")}
          </Button>
        </>
      )}
    </ActionForm>
  );
}
