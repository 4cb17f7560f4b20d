import { api } from "../../api/client.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Button } from "../../ui/Button.tsx";

/**
 * "Take": makes an obligation waiting in the role's queue mine by name (POST
 * /obligations/:id/take). My work and the case page both offer it; a lost race (someone took
 * it first) just reloads, which shows who has it now.
 */
export function TakeButton(props: {
  obligationId: string;
  version: number;
  /** The accessible name: which obligation, on which case. */
  label: string;
  /** After the attempt: `taken` is false when someone was quicker (the reload shows who). */
  onDone(taken: boolean): void;
}) {
  const { t } = useI18n();
  const take = async () => {
    const taken = await api
      .post(`/api/v1/obligations/${encodeURIComponent(props.obligationId)}/take`, {
        version: props.version,
      })
      .then(
        () => true,
        () => false,
      );
    props.onDone(taken);
  };
  return (
    <Button variant="secondary" onClick={() => void take()} aria-label={props.label}>
      {t("work.take")}
    </Button>
  );
}
