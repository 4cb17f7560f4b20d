import { type FormEvent, useEffect, useRef, useState } from "react";
import {
  missingReportEvidence,
  type ReportEvidenceField,
  reportCitation,
} from "../../domain/closing.ts";
import { ApiError, api } from "../api/client.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { Alert } from "../ui/Alert.tsx";
import { Button } from "../ui/Button.tsx";
import { RadioGroup, TextArea, TextInput } from "../ui/Field.tsx";

type Outcome = "done" | "not_applicable";
type FieldName = ReportEvidenceField | "reason";
type FieldErrors = Partial<Record<FieldName, string>>;

/**
 * Closes an obligation with evidence (done: the report's reference, whom they reached and when)
 * or as not applicable (with a reason). A report the law requires asks for all three, checked
 * here by the same domain rule the server applies (domain/closing.ts); each error sits next to its
 * field, the first one takes the focus, and errors of an earlier try are cleared. The version sent
 * is the one the user saw: if someone else changed it meanwhile the server answers 409.
 */
export function CloseObligationForm(props: {
  obligationId: string;
  /** The obligation's action: a legal report needs its evidence (absent: the server says). */
  actionId?: string;
  version: number;
  onClosed(): void;
  onCancel(): void;
  onStale(): void;
}) {
  const { t } = useI18n();
  const [status, setStatus] = useState<Outcome>("done");
  const [reference, setReference] = useState("");
  const [spokeWith, setSpokeWith] = useState("");
  const [at, setAt] = useState("");
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const citation = props.actionId ? reportCitation(props.actionId) : null;

  // After a refused try, the first marked field takes the focus (WCAG 3.3.1).
  useEffect(() => {
    if (attempt === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const atIso = at ? new Date(at).toISOString() : undefined;
  const localErrors = (): FieldErrors => {
    if (status === "not_applicable")
      return reason.trim().length >= 3 ? {} : { reason: t("close.reason_needed") };
    const missing = props.actionId
      ? missingReportEvidence(props.actionId, "done", { reference, spokeWith, at })
      : [];
    const found: FieldErrors = {};
    for (const f of missing) found[f] = t(`closing.missing.${f}`);
    if (atIso && Date.parse(atIso) > Date.now() + 5 * 60_000) found.at = t("closing.future.at");
    return found;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setGeneral(null);
    const found = localErrors();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    const evidence = {
      ...(reference.trim() ? { reference: reference.trim() } : {}),
      ...(spokeWith.trim() ? { spokeWith: spokeWith.trim() } : {}),
      ...(atIso ? { at: atIso } : {}),
    };
    const body =
      status === "done"
        ? { version: props.version, status, ...(Object.keys(evidence).length ? { evidence } : {}) }
        : { version: props.version, status, reason: reason.trim() };
    try {
      await api.post(`/api/v1/obligations/${encodeURIComponent(props.obligationId)}/close`, body);
      props.onClosed();
    } catch (err) {
      // Changed or already closed by someone else since this page loaded: offer the reload.
      if (
        err instanceof ApiError &&
        err.status === 409 &&
        (err.code === "conflict" || err.code === "already_closed")
      )
        setStale(true);
      else if (err instanceof ApiError && err.status === 400 && err.field) {
        // The server names the field ("evidence.reference"); its message is in plain words.
        const field = err.field.replace(/^evidence\./, "") as FieldName;
        setErrors({ [field]: err.message });
        setAttempt((n) => n + 1);
      } else if (err instanceof ApiError && err.status === 400)
        setGeneral(t("close.error.invalid"));
      else if (err instanceof ApiError && err.status === 403) setGeneral(t("error.forbidden"));
      else if (err instanceof ApiError && err.status === 409) setGeneral(err.message);
      else setGeneral(t("close.error.failed"));
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
  const required = citation !== null && status === "done";
  return (
    <form
      ref={form}
      className="close-form"
      onSubmit={(e) => void submit(e)}
      autoComplete="off"
      noValidate
    >
      {general ? <Alert tone="error">{general}</Alert> : null}
      <RadioGroup
        name={`close-${props.obligationId}`}
        label={t("close.outcome")}
        choices={[
          { value: "done", label: t("close.done") },
          { value: "not_applicable", label: t("close.not_applicable") },
        ]}
        value={status}
        onChange={(v) => {
          setStatus(v as Outcome);
          setErrors({});
        }}
      />
      {status === "done" ? (
        <>
          {required ? <p className="muted">{t("closing.report_needs", { citation })}</p> : null}
          <TextInput
            label={t("close.reference")}
            hint={t("close.reference_hint")}
            value={reference}
            maxLength={200}
            required={required}
            error={errors.reference ?? null}
            onChange={(e) => setReference(e.target.value)}
          />
          <TextInput
            label={t("close.spoke_with")}
            hint={t("close.spoke_with_hint")}
            value={spokeWith}
            maxLength={200}
            required={required}
            error={errors.spokeWith ?? null}
            onChange={(e) => setSpokeWith(e.target.value)}
          />
          <TextInput
            type="datetime-local"
            label={t("closing.at")}
            hint={t("closing.at_hint")}
            value={at}
            required={required}
            error={errors.at ?? null}
            onChange={(e) => setAt(e.target.value)}
          />
        </>
      ) : (
        <TextArea
          label={t("close.reason")}
          hint={t("close.reason_hint")}
          error={errors.reason ?? null}
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
