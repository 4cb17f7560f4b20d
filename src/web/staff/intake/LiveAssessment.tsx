import type { Assessment } from "../../../domain/assessment/engine.ts";
import { NextSteps } from "../../assessment/NextSteps.tsx";
import { useI18n } from "../../i18n/i18n.tsx";

/**
 * The server's assessment of the answers so far, updated after every answer: the determination,
 * the required actions with whom to call and why, and the law. A polite live region announces
 * a changed determination without interrupting.
 */
export function LiveAssessment(props: { assessment: Assessment }) {
  const { t } = useI18n();
  return (
    <aside className="live-assessment" aria-labelledby="live-assessment-title">
      <h2 id="live-assessment-title">{t("intake.live.title")}</h2>
      <p aria-live="polite" className="determination">
        <strong>{props.assessment.determinationLabel}</strong>
      </p>
      <NextSteps assessment={props.assessment} headingLevel={3} />
    </aside>
  );
}
