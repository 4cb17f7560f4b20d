import { useCallback, useEffect, useRef, useState } from "react";
import type { Question, Questionnaire, ScreeningStep } from "../../contract/assessment/replies.ts";
import type { Answers } from "../../domain/questionnaire/screening.ts";
import { ApiError, api } from "../api/client.ts";
import type { Language } from "../i18n/i18n.tsx";

export interface Screening {
  questionnaire: Questionnaire | null;
  /** The server's latest step: the assessment so far and the next question's id. */
  step: ScreeningStep | null;
  answers: Answers;
  /** Question ids in the order they were answered (for "back"). */
  order: string[];
  busy: boolean;
  error: "network" | "rate_limited" | "failed" | null;
  current: Question | null;
  /** Questions still likely to be asked: unanswered ones that settle a missing fact. */
  remaining: number;
  /** No question left, or the person chose to see the result now. */
  finished: boolean;
  finishNow(): void;
  start(): Promise<void>;
  answer(questionId: string, value: string | number): Promise<void>;
  back(): Promise<void>;
  restart(): void;
}

function errorKind(e: unknown): Screening["error"] {
  if (e instanceof ApiError && e.status === 0) return "network";
  if (e instanceof ApiError && e.status === 429) return "rate_limited";
  return "failed";
}

/**
 * The guided screening against the API: the questionnaire in the chosen language, and after
 * each answer POST /api/v1/screening/next for the assessment so far and the next question. The
 * answers stay in this component's memory: never in the URL, never in storage. `anonymous`:
 * public pages send no cookie (see RequestOptions).
 */
export function useScreening(lang: Language, options: { anonymous: boolean }): Screening {
  const anonymous = options.anonymous;
  const [questionnaire, setQuestionnaire] = useState<Questionnaire | null>(null);
  const [step, setStep] = useState<ScreeningStep | null>(null);
  const [answers, setAnswers] = useState<Answers>({});
  const [order, setOrder] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Screening["error"]>(null);
  const [stopped, setStopped] = useState(false);
  const latest = useRef(0);
  const started = useRef(false);

  const ask = useCallback(
    async (next: Answers) => {
      const request = ++latest.current;
      setBusy(true);
      setError(null);
      try {
        const reply = await api.post<ScreeningStep>(
          `/api/v1/screening/next?lang=${lang}`,
          { answers: next },
          { anonymous },
        );
        if (request === latest.current) setStep(reply);
      } catch (e) {
        if (request === latest.current) setError(errorKind(e));
      } finally {
        if (request === latest.current) setBusy(false);
      }
    },
    [lang, anonymous],
  );

  useEffect(() => {
    let live = true;
    api
      .get<Questionnaire>(`/api/v1/questionnaire?lang=${lang}`, { anonymous })
      .then((q) => live && setQuestionnaire(q))
      .catch((e) => live && setError(errorKind(e)));
    return () => {
      live = false;
    };
  }, [lang, anonymous]);

  // A change of language asks again, so the assessment's wording follows.
  const answersRef = useRef(answers);
  answersRef.current = answers;
  useEffect(() => {
    if (started.current) void ask(answersRef.current);
  }, [ask]);

  const current =
    questionnaire && step?.next
      ? (questionnaire.questions.find((q) => q.id === step.next) ?? null)
      : null;
  const missing = new Set(step?.assessment.missing ?? []);
  const remaining = questionnaire
    ? questionnaire.questions.filter(
        (q) => answers[q.id] === undefined && q.settles.some((f) => missing.has(f)),
      ).length
    : 0;

  return {
    questionnaire,
    step,
    answers,
    order,
    busy,
    error,
    current,
    remaining,
    finished: step !== null && (step.next === null || stopped),
    finishNow: () => setStopped(true),
    async start() {
      started.current = true;
      await ask(answers);
    },
    async answer(questionId, value) {
      const next = { ...answers, [questionId]: value };
      setStopped(false);
      setAnswers(next);
      setOrder((o) => [...o.filter((id) => id !== questionId), questionId]);
      await ask(next);
    },
    async back() {
      const last = order[order.length - 1];
      if (!last) return;
      const { [last]: _dropped, ...rest } = answers;
      setStopped(false);
      setAnswers(rest);
      setOrder(order.slice(0, -1));
      await ask(rest);
    },
    restart() {
      started.current = false;
      latest.current += 1;
      setAnswers({});
      setOrder([]);
      setStep(null);
      setStopped(false);
      setBusy(false);
    },
  };
}
