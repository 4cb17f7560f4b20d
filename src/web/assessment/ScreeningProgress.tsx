import { useI18n } from "../i18n/i18n.tsx";

/**
 * Progress through an adaptive screening: how many answered, and at most how many more (the
 * questions that could still change the result), so the bar never promises an exact end.
 */
export function ScreeningProgress(props: { answered: number; remaining: number }) {
  const { t } = useI18n();
  const total = props.answered + props.remaining + 1;
  return (
    <div className="progress">
      <p id="screening-progress-label">
        {t("screening.progress", { n: props.answered + 1, more: props.remaining })}
      </p>
      <progress aria-labelledby="screening-progress-label" value={props.answered + 1} max={total} />
    </div>
  );
}
