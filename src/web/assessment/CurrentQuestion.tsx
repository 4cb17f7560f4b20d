import { QuestionStep } from "./QuestionStep.tsx";
import { ScreeningProgress } from "./ScreeningProgress.tsx";
import type { Screening } from "./useScreening.ts";

/** The screening's current question with its progress bar (public screening and intake). */
export function CurrentQuestion({ screening: s }: { screening: Screening }) {
  const current = s.current;
  if (!current || !s.questionnaire) return null;
  return (
    <>
      <ScreeningProgress answered={s.order.length} remaining={s.remaining} />
      <QuestionStep
        key={current.id}
        question={current}
        sectionTitle={s.questionnaire.sections.find((x) => x.id === current.section)?.title ?? ""}
        initial={s.answers[current.id]}
        busy={s.busy}
        canGoBack={s.order.length > 0}
        takeFocus={s.order.length > 0}
        onAnswer={(v) => void s.answer(current.id, v)}
        onBack={() => void s.back()}
      />
    </>
  );
}
