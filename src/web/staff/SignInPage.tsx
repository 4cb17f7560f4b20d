import { type FormEvent, useState } from "react";
import type { SessionReply } from "../../contract/auth/replies.ts";
import { ApiError, api, setCsrfToken } from "../api/client.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { navigate, useLocation } from "../router.ts";
import { Alert } from "../ui/Alert.tsx";
import { Button } from "../ui/Button.tsx";
import { TextInput } from "../ui/Field.tsx";
import { Page } from "../ui/Page.tsx";
import { MfaEnrolment } from "./MfaEnrolment.tsx";

type Stage = "password" | "code" | "enrol";

/** Only paths inside the app: `next` comes from the URL and must not send people elsewhere. */
function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") ? next : "/work";
}

/**
 * Sign-in: password, then the authenticator code (or a recovery code), or, the first time for
 * roles that need it, setting up the authenticator. The session is an HttpOnly cookie the
 * server sets; the page keeps only the CSRF token, in memory.
 */
export default function SignInPage() {
  const { t } = useI18n();
  const { search } = useLocation();
  const [stage, setStage] = useState<Stage>("password");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [useRecovery, setUseRecovery] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const done = () => navigate(safeNext(search.get("next")), { replace: true });

  const explain = (e: unknown) => {
    if (e instanceof ApiError && e.status === 429) return t("sign_in.error.too_many");
    if (e instanceof ApiError && e.status === 401) {
      return stage === "password" ? t("sign_in.error.credentials") : t("sign_in.error.code");
    }
    if (e instanceof ApiError && e.status === 400) return t("sign_in.error.code");
    return t("sign_in.error.failed");
  };

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(explain(e));
    } finally {
      setBusy(false);
    }
  };

  const submitPassword = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const reply = await api.post<SessionReply>("/api/v1/auth/login", { email, password });
      setCsrfToken(reply.csrfToken);
      setPassword("");
      if (reply.status === "signed_in") done();
      else setStage(reply.status === "mfa_required" ? "code" : "enrol");
    });
  };

  const submitCode = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const body = useRecovery ? { recoveryCode: code.trim() } : { code: code.trim() };
      const reply = await api.post<SessionReply>("/api/v1/auth/mfa", body);
      setCsrfToken(reply.csrfToken);
      done();
    });
  };

  if (stage === "enrol") {
    return <MfaEnrolment onDone={done} />;
  }
  if (stage === "code") {
    return (
      <Page title={t("sign_in.code.title")} lead={t("sign_in.code.lead")}>
        {error ? <Alert tone="error">{error}</Alert> : null}
        <form onSubmit={submitCode} className="narrow-form">
          <TextInput
            label={useRecovery ? t("sign_in.recovery_code") : t("sign_in.code")}
            autoComplete="one-time-code"
            inputMode={useRecovery ? "text" : "numeric"}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            required
          />
          <div className="actions">
            <Button type="submit" disabled={busy}>
              {t("sign_in.verify")}
            </Button>
            <Button variant="link" onClick={() => setUseRecovery(!useRecovery)}>
              {useRecovery ? t("sign_in.use_app_code") : t("sign_in.use_recovery")}
            </Button>
          </div>
        </form>
      </Page>
    );
  }
  return (
    <Page title={t("sign_in.title")}>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <form onSubmit={submitPassword} className="narrow-form">
        <TextInput
          label={t("sign_in.email")}
          type="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          required
        />
        <TextInput
          label={t("sign_in.password")}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
        <Button type="submit" disabled={busy}>
          {t("sign_in.submit")}
        </Button>
      </form>
    </Page>
  );
}
