import { type FormEvent, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { Alert } from "../ui/Alert.tsx";
import { Button } from "../ui/Button.tsx";
import { RadioGroup, TextArea, TextInput } from "../ui/Field.tsx";

type Outcome = "done" | "not_applicable";

/**
 * Closes an obligation with evidence (done: the report's reference and whom they spoke to) or
 * as not applicable (with a reason). The version sent is the one the user saw: if someone else
 * changed it meanwhile the server answers 409 and nothing changes.
 */
export function CloseObligationForm(props: {
  obligationId: string;
  version: number;
  onClosed(): void;
  onCancel(): void;
  onStale(): void;
}) {
  const { t } = useI18n();
  const [status, setStatus] = useState<Outcome>("done");
  const [reference, setReference] = useState("");
  const [spokeWith, setSpokeWith] = useState("");
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [stale, setStale] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const evidence = {
      ...(reference.trim() ? { reference: reference.trim() } : {}),
      ...(spokeWith.trim() ? { spokeWith: spokeWith.trim() } : {}),
    };
    const body =
      status === "done"
        ? { version: props.version, status, ...(Object.keys(evidence).length ? { evidence } : {}) }
        : { version: props.version, status, reason: reason.trim() };
    try {
      await api.post(`/api/v1/obligations/${encodeURIComponent(props.obligationId)}/close`, body);
      props.onClosed();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) setStale(true);
      else if (err instanceof ApiError && err.status === 400)
        setError({ message: t("close.error.invalid"), ...(err.field ? { field: err.field } : {}) });
      else if (err instanceof ApiError && err.status === 403)
        setError({ message: t("error.forbidden") });
      else setError({ message: t("close.error.failed") });
    } finally {
      setBusy(false);
    }
  };

  if (stale) {
    return (
      <Alert tone="warning" title={t("close.stale.title")}>
        <p>{t("close.stale.body")}</p>
        <Button variant="secondary" onClick={props.onStale}>
          {t("close.stale.reload")}
        </Button>
      </Alert>
    );
  }
  const reasonError = error?.field?.includes("reason") ? t("close.reason_needed") : null;
  return (
    <form className="close-form" onSubmit={(e) => void submit(e)} autoComplete="off">
      {error && !reasonError ? <Alert tone="error">{error.message}</Alert> : null}
      <RadioGroup
        name={`close-${props.obligationId}`}
        label={t("close.outcome")}
        choices={[
          { value: "done", label: t("close.done") },
          { value: "not_applicable", label: t("close.not_applicable") },
        ]}
        value={status}
        onChange={(v) => setStatus(v as Outcome)}
      />
      {status === "done" ? (
        <>
          <TextInput
            label={t("close.reference")}
            hint={t("close.reference_hint")}
            value={reference}
            maxLength={200}
            onChange={(e) => setReference(e.target.value)}
          />
          <TextInput
            label={t("close.spoke_with")}
            hint={t("close.spoke_with_hint")}
            value={spokeWith}
            maxLength={200}
            onChange={(e) => setSpokeWith(e.target.value)}
          />
        </>
      ) : (
        <TextArea
          label={t("close.reason")}
          hint={t("close.reason_hint")}
          error={reasonError}
          value={reason}
          maxLength={1000}
          required
          onChange={(e) => setReason(e.target.value)}
        />
      )}
      <div className="actions">
        <Button type="submit" disabled={busy}>
          {t("close.submit")}
        </Button>
        <Button variant="secondary" onClick={props.onCancel}>
          {t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}
