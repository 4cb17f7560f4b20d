import type { ApiError } from "../api/client.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { Alert } from "../ui/Alert.tsx";

/** A failed load in plain words: not allowed, not found, or try again. */
export function LoadError(props: { error: ApiError }) {
  const { t } = useI18n();
  const key =
    props.error.status === 403
      ? "error.forbidden"
      : props.error.status === 404
        ? "error.not_found"
        : props.error.status === 401
          ? "session.sign_in_needed"
          : "error.load";
  return <Alert tone="error">{t(key)}</Alert>;
}
