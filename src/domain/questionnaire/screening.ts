import { type Assessment, assess } from "../assessment/engine.ts";
import { type Facts, parseFacts } from "../assessment/facts.ts";
import type { IndicatorId } from "../assessment/indicators.ts";
import type { Language } from "../i18n/index.ts";
import {
  factsAsked,
  OPENING_QUESTIONS,
  QUESTIONS,
  type Question,
  questionById,
  UNSURE_ANSWERS,
} from "./questions.ts";

/**
 * Answers as given, by question id: "yes", "no", "dont_know", "prefers_not_to_say"; for the age
 * question a whole number of years or "minor"/"adult"; for citizenship one of its choices.
 * "dont_know" and "prefers_not_to_say" are kept distinct (they mean different things to the
 * person) but both leave the fact unknown.
 */
export type Answer = string | number;
export type Answers = Readonly<Record<string, Answer>>;

export class AnswerError extends Error {
  override name = "AnswerError";
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}

const isUnsure = (a: Answer) => (UNSURE_ANSWERS as readonly Answer[]).includes(a);

export function checkAnswer(q: Question, a: Answer): void {
  if (isUnsure(a)) return;
  const ok =
    q.kind === "yes_no"
      ? a === "yes" || a === "no"
      : q.kind === "age"
        ? (typeof a === "number" && Number.isInteger(a) && a >= 0 && a <= 120) ||
          a === "minor" ||
          a === "adult"
        : typeof a === "string" && q.choices.includes(a);
  if (!ok) throw new AnswerError(`answers.${q.id}`, "is not one of this question's answers");
}

export function checkAnswers(answers: Answers): void {
  for (const [id, a] of Object.entries(answers)) {
    const q = questionById(id);
    if (!q) throw new AnswerError(`answers.${id}`, "is not a question of the screening");
    checkAnswer(q, a);
  }
}

const YES_NO_VALUE: Record<string, boolean> = { yes: true, no: false };

/**
 * The facts the answers establish (contract shape, validated). A fact asked by several questions
 * (coercion: threats, debts, papers, control) is true when any says yes, false only when all say
 * no, and unknown otherwise.
 */
export function answersToFacts(answers: Answers): Facts {
  checkAnswers(answers);
  const byFact = new Map<string, (boolean | undefined)[]>();
  const indicators = new Set<IndicatorId>();
  const facts: Record<string, Record<string, unknown>> = {};
  const put = (path: string, value: unknown) => {
    const [group, key] = path.split(".") as [string, string];
    facts[group] = { ...facts[group], [key]: value };
  };
  for (const q of QUESTIONS) {
    const a = answers[q.id];
    if (q.kind === "yes_no") {
      const value = a === undefined ? undefined : YES_NO_VALUE[a];
      for (const f of q.facts) byFact.set(f, [...(byFact.get(f) ?? []), value]);
      if (value === true) for (const i of q.indicators) indicators.add(i);
    } else if (a !== undefined && !isUnsure(a)) {
      if (q.kind === "age") put(typeof a === "number" ? "subject.age" : "subject.ageGroup", a);
      else put("subject.citizenship", a);
    }
  }
  for (const [path, values] of byFact) {
    if (values.includes(true)) put(path, true);
    else if (values.every((v) => v === false)) put(path, false);
  }
  if (indicators.size > 0) facts.indicators = [...indicators] as never;
  return parseFacts(facts);
}

export interface ScreeningStep {
  /** The next most decisive question, or null when no answer could change the result. */
  next: Question | null;
  facts: Facts;
  assessment: Assessment;
  answered: number;
}

/**
 * One step of the guided screening: after the opening questions, asks about the most decisive
 * missing fact first, so a clear situation ends in a few questions.
 */
export function nextStep(answers: Answers, options: { lang?: Language } = {}): ScreeningStep {
  const facts = answersToFacts(answers);
  const assessment = assess(facts, options);
  const unanswered = (q: Question) => answers[q.id] === undefined;
  let next: Question | null = null;
  for (const id of OPENING_QUESTIONS) {
    const q = questionById(id);
    if (q && unanswered(q)) {
      next = q;
      break;
    }
  }
  if (!next) {
    for (const path of assessment.missing) {
      next = QUESTIONS.find((q) => unanswered(q) && factsAsked(q).includes(path)) ?? null;
      if (next) break;
    }
  }
  return { next, facts, assessment, answered: Object.keys(answers).length };
}
