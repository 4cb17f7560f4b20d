import { useI18n } from "../i18n/i18n.tsx";
import { Alert } from "../ui/Alert.tsx";
import type { Screening } from "./useScreening.ts";

/** Why a screening request failed, in plain words, with the hotline as the fallback. */
export function ScreeningError(props: { error: Screening["error"] }) {
  const { t } = useI18n();
  if (!props.error) return null;
  const key =
    props.error === "network"
      ? "screening.error.network"
      : props.error === "rate_limited"
        ? "screening.error.rate_limited"
        : "screening.error.failed";
  return <Alert tone="error">{t(key)}</Alert>;
}
