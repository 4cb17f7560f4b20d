import { type FormEvent, useEffect, useRef, useState } from "react";
import type { authReplies, MfaEnrolment as Enrolment } from "../../contract/auth/replies.ts";
import type { Reply } from "../../contract/common.ts";
import { api, setCsrfToken } from "../api/client.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { Alert } from "../ui/Alert.tsx";
import { Button } from "../ui/Button.tsx";
import { TextInput } from "../ui/Field.tsx";
import { Page } from "../ui/Page.tsx";

/**
 * First sign-in for roles that need two-step sign-in: a QR code (and the secret to type in),
 * a first code to prove it works, then the recovery codes, shown this once and never again.
 */
export function MfaEnrolment(props: { onDone(): void }) {
  const { t } = useI18n();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState("");
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Each start makes a new secret: start once, even when React runs effects twice (dev mode).
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    api
      .post<Enrolment>("/api/v1/auth/mfa/enrol")
      .then(setEnrolment)
      .catch(() => setError(t("mfa.error.start")));
  }, [t]);

  const confirm = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const reply = await api.post<Reply<typeof authReplies.mfaConfirmed>>(
        "/api/v1/auth/mfa/enrol/confirm",
        { code: code.trim() },
      );
      setCsrfToken(reply.csrfToken);
      setRecoveryCodes(reply.recoveryCodes);
    } catch {
      setError(t("sign_in.error.code"));
    } finally {
      setBusy(false);
    }
  };

  if (recoveryCodes) {
    return (
      <Page title={t("mfa.recovery.title")} lead={t("mfa.recovery.lead")}>
        <Alert tone="warning">{t("mfa.recovery.once")}</Alert>
        <ol className="recovery-codes" aria-label={t("mfa.recovery.title")}>
          {recoveryCodes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ol>
        <Button onClick={props.onDone}>{t("mfa.recovery.saved")}</Button>
      </Page>
    );
  }
  return (
    <Page title={t("mfa.title")} lead={t("mfa.lead")}>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {enrolment ? (
        <>
          <img
            className="qr"
            width={200}
            height={200}
            alt={t("mfa.qr_alt")}
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qrSvg)}`}
          />
          <p>
            {t("mfa.secret")} <code className="mfa-secret">{enrolment.secret}</code>
          </p>
          <form onSubmit={(e) => void confirm(e)} className="narrow-form">
            <TextInput
              label={t("sign_in.code")}
              autoComplete="one-time-code"
              inputMode="numeric"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              required
            />
            <Button type="submit" disabled={busy}>
              {t("mfa.confirm")}
            </Button>
          </form>
        </>
      ) : error ? null : (
        <p className="loading" role="status">
          {t("common.loading")}
        </p>
      )}
    </Page>
  );
}
