import { type FormEvent, type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "../api/client.ts";
import { type Translate, type UiMessageKey, useI18n } from "../i18n/i18n.tsx";
import { Alert } from "../ui/Alert.tsx";
import { Button } from "../ui/Button.tsx";
import { focusFirstInvalid, plainProblem } from "./field-problems.ts";
import { LoadError } from "./LoadError.tsx";
import type { Loaded } from "./useApi.ts";

/** Why a change was not saved: someone else changed it first (409), or a refusal to show. */
export type Failure =
  | { kind: "stale" }
  | { kind: "refused"; message: string; code: string; field?: string };

/**
 * A refusal in our own words, in the user's language: known codes (consent_required,
 * certification_expired, …) have their own message; otherwise the status says enough.
 */
export function refusalMessage(t: Translate, e: ApiError): string {
  const known = t(`error.code.${e.code}` as UiMessageKey) as string | undefined;
  if (known) return known;
  if (e.status === 403) return t("error.forbidden");
  if (e.status === 404) return t("error.not_found");
  if (e.status === 401) return t("session.sign_in_needed");
  // A problem with a field is said in plain words next to it; never the server's developer text.
  if (e.status === 400 && e.field) return plainProblem(t, e);
  if (e.status === 400) return t("save.invalid", { detail: plainProblem(t, e) });
  return t("save.failed");
}

/**
 * One change sent to the server: busy while it runs, then the failure (if any) for the form to
 * show. `run` resolves to the answer, or undefined when it failed. A 409 `conflict` means the
 * record changed since it was shown (stale version, offer already answered), unless the form
 * says otherwise and names its own message for the code (`messages`).
 */
export function useAction(
  options: { staleOnConflict?: boolean; messages?: Record<string, UiMessageKey> } = {},
) {
  const { t } = useI18n();
  const staleOnConflict = options.staleOnConflict ?? true;
  const messages = options.messages;
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const run = useCallback(
    async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
      setBusy(true);
      setFailure(null);
      try {
        return await work();
      } catch (e) {
        const error = e instanceof ApiError ? e : new ApiError(0, "network", String(e));
        const own = messages?.[error.code];
        if (error.status === 409 && error.code === "conflict" && staleOnConflict && !own)
          setFailure({ kind: "stale" });
        else
          setFailure({
            kind: "refused",
            message: own ? t(own) : refusalMessage(t, error),
            code: error.code,
            ...(error.field ? { field: error.field } : {}),
          });
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [t, staleOnConflict, messages],
  );
  /** The refusal's message when the server named this field (`reason`, `body.reason`). */
  const fieldError = (field: string): string | null =>
    failure?.kind === "refused" &&
    failure.field !== undefined &&
    (failure.field === field || failure.field.endsWith(`.${field}`))
      ? failure.message
      : null;
  /** A problem the form found itself before sending, shown by its field like the server's. */
  const fail = (field: string, message: string) =>
    setFailure({ kind: "refused", message, code: "invalid_input", field });
  return { busy, failure, run, fieldError, fail, clear: () => setFailure(null) };
}

export type Action = ReturnType<typeof useAction>;

/** "Someone else changed this": nothing was saved; reload shows the current state. */
export function StaleAlert(props: { onReload(): void }) {
  const { t } = useI18n();
  return (
    <Alert tone="warning" title={t("stale.title")}>
      <p>{t("stale.body")}</p>
      <Button variant="secondary" onClick={props.onReload}>
        {t("common.reload")}
      </Button>
    </Alert>
  );
}

/**
 * A form that sends one change. A refusal tied to a field is shown by that field (the field
 * gets focus, so a screen reader reads the message with it); any other refusal is announced at
 * the top; a 409 offers a reload.
 */
export function ActionForm(props: {
  action: Action;
  /** Fields this form shows errors beside; a refusal naming another field goes to the top. */
  fields?: readonly string[];
  onSubmit(): void | Promise<void>;
  onReload?(): void;
  className?: string;
  label?: string;
  children: ReactNode;
}) {
  const form = useRef<HTMLFormElement>(null);
  const { failure } = props.action;
  const atField =
    failure?.kind === "refused" &&
    failure.field !== undefined &&
    (props.fields ?? []).some((f) => props.action.fieldError(f) !== null);
  // Every new refusal at a field moves focus there, not only the first one.
  useEffect(() => {
    if (atField && failure) focusFirstInvalid(form.current);
  }, [atField, failure]);
  // Editing the field at fault clears its message: a stale error never lingers.
  const edited = (e: FormEvent) => {
    if (atField && (e.target as HTMLElement).getAttribute("aria-invalid") === "true")
      props.action.clear();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void props.onSubmit();
  };
  return (
    <form
      ref={form}
      className={props.className ?? "action-form"}
      onSubmit={submit}
      onInput={edited}
      onChange={edited}
      autoComplete="off"
      aria-label={props.label}
    >
      {failure?.kind === "stale" ? (
        <StaleAlert onReload={props.onReload ?? (() => window.location.reload())} />
      ) : null}
      {failure?.kind === "refused" && !atField ? (
        <Alert tone="error">{failure.message}</Alert>
      ) : null}
      {props.children}
    </form>
  );
}

/** Loading, a failed load, or the data: the three states every panel and page shows. */
export function Gate<T>(props: { loaded: Loaded<T>; children(data: T): ReactNode }) {
  const { t } = useI18n();
  if (props.loaded.state === "loading")
    return (
      <p className="loading" role="status">
        {t("common.loading")}
      </p>
    );
  if (props.loaded.state === "failed") return <LoadError error={props.loaded.error} />;
  return <>{props.children(props.loaded.data)}</>;
}
