import type { Facts } from "../../src/domain/assessment/index.ts";
import type { Question } from "../../src/domain/questionnaire/questions.ts";
import { type Answer, type Answers, nextStep } from "../../src/domain/questionnaire/screening.ts";

/**
 * Answers the screening the way a person who knows exactly `facts` would: "yes" when the question
 * is about something true, "no" when everything it asks about is false, "I don't know" otherwise.
 */
export function answerFrom(facts: Facts, q: Question): Answer {
  if (q.kind === "age") {
    if (facts.subject?.age !== undefined && facts.subject.age !== null) return facts.subject.age;
    return facts.subject?.ageGroup ?? "dont_know";
  }
  if (q.kind === "choice") return facts.subject?.citizenship ?? "dont_know";
  const get = (path: string) => {
    const [group, key] = path.split(".") as [string, string];
    return (facts as Record<string, Record<string, unknown> | undefined>)[group]?.[key];
  };
  const values = q.facts.map(get);
  if (values.includes(true) || q.indicators.some((i) => facts.indicators?.includes(i)))
    return "yes";
  // A "no" about force, fraud or coercion also rules out the warning sign it would have shown.
  if (q.facts.length > 0 && values.every((v) => v === false)) return "no";
  return "dont_know";
}

/** Runs the guided screening to its end; returns the answers given and the final step. */
export function screen(facts: Facts, maxSteps = 60) {
  const answers: Record<string, Answer> = {};
  let step = nextStep(answers);
  // How many answers it took until the determination stopped changing.
  let determinedAfter = 0;
  while (step.next && Object.keys(answers).length < maxSteps) {
    answers[step.next.id] = answerFrom(facts, step.next);
    const previous = step.assessment.determination;
    step = nextStep(answers as Answers);
    if (step.assessment.determination !== previous) determinedAfter = Object.keys(answers).length;
  }
  return { answers, step, questions: Object.keys(answers).length, determinedAfter };
}
