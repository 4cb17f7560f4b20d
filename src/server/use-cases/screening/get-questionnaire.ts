import type { Language } from "../../../domain/i18n/index.ts";
import {
  type QuestionnaireDocument,
  questionnaireIn,
} from "../../../domain/questionnaire/definition.ts";

const cache = new Map<Language, QuestionnaireDocument>();

/** The questionnaire is static per language and build; built once. */
export function getQuestionnaire(lang: Language): QuestionnaireDocument {
  let doc = cache.get(lang);
  if (!doc) {
    doc = questionnaireIn(lang);
    cache.set(lang, doc);
  }
  return doc;
}
