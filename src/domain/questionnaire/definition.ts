import type { Language } from "../i18n/index.ts";
import { type QuestionnaireMessageKey, questionnaireEn } from "./messages-en.ts";
import { questionnaireEs } from "./messages-es.ts";
import { factsAsked, OPENING_QUESTIONS, QUESTIONS, SECTIONS, UNSURE_ANSWERS } from "./questions.ts";

export const QUESTIONNAIRE_VERSION = "1.0.0";

export const QUESTIONNAIRE_MESSAGES: Record<Language, Record<QuestionnaireMessageKey, string>> = {
  en: questionnaireEn,
  es: questionnaireEs,
};

const msg = (lang: Language, key: string) =>
  QUESTIONNAIRE_MESSAGES[lang][key as QuestionnaireMessageKey] ?? key;

/**
 * The questionnaire in one language, as served by `GET /api/v1/questionnaire` and rendered by the
 * web app: sections, questions with their answer options, and which facts each one settles.
 */
export function questionnaireIn(lang: Language) {
  const option = (value: string) => ({ value, label: msg(lang, `answer.${value}`) });
  const unsure = UNSURE_ANSWERS.map(option);
  return {
    version: QUESTIONNAIRE_VERSION,
    lang,
    title: msg(lang, "questionnaire.title"),
    intro: msg(lang, "questionnaire.intro"),
    emergency: msg(lang, "questionnaire.emergency"),
    done: msg(lang, "questionnaire.done"),
    opening: [...OPENING_QUESTIONS],
    sections: SECTIONS.map((id) => ({ id, title: msg(lang, `section.${id}`) })),
    questions: QUESTIONS.map((q) => ({
      id: q.id,
      section: q.section,
      kind: q.kind,
      text: msg(lang, `q.${q.id}.text`),
      help: msg(lang, `q.${q.id}.help`),
      options:
        q.kind === "yes_no"
          ? [option("yes"), option("no"), ...unsure]
          : q.kind === "age"
            ? [option("minor"), option("adult"), ...unsure]
            : [...q.choices.map(option), ...unsure],
      ...(q.kind === "age"
        ? { number: { min: 0, max: 120, label: msg(lang, "answer.years") } }
        : {}),
      settles: factsAsked(q),
    })),
  };
}

export type QuestionnaireDocument = ReturnType<typeof questionnaireIn>;
