import type { Language } from "../../../domain/i18n/index.ts";
import { AnswerError, type Answers, nextStep } from "../../../domain/questionnaire/screening.ts";
import { badRequest } from "../../errors.ts";

/** One step of the public screening. Stateless: the client holds the answers, we keep nothing. */
export function takeScreeningStep(answers: Answers, lang: Language) {
  try {
    const step = nextStep(answers, { lang });
    return {
      next: step.next?.id ?? null,
      answered: step.answered,
      facts: step.facts,
      assessment: step.assessment,
    };
  } catch (e) {
    if (e instanceof AnswerError) throw badRequest(e.message, e.field);
    throw e;
  }
}
