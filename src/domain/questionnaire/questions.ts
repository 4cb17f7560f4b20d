import type { IndicatorId } from "../assessment/indicators.ts";
import { RISK_FACTORS } from "../assessment/indicators.ts";
import { CITIZENSHIPS } from "../catalogues.ts";

/**
 * The guided screening: plain questions in our own words (no published instrument's items),
 * each mapped to the facts of the assessment contract. The wording lives in the message
 * catalogues under `q.<id>.text` and `q.<id>.help`; this file only says what each answer means.
 */
export const SECTIONS = [
  "about",
  "sex",
  "work",
  "control",
  "signs",
  "context",
  "background",
] as const;
export type Section = (typeof SECTIONS)[number];

/** Every question also accepts these two, stored as given and read as "not known". */
export const UNSURE_ANSWERS = ["dont_know", "prefers_not_to_say"] as const;

export type YesNoFact =
  | "sex.act"
  | "sex.valueExchanged"
  | "sex.explicitPerformance"
  | "sex.explicitMaterial"
  | "labor.performed"
  | "means.force"
  | "means.fraud"
  | "means.coercion"
  | "context.crossesStateLines"
  | "context.minorInCustodyForProstitution";

export type Question =
  | {
      id: string;
      section: Section;
      kind: "yes_no";
      /** Facts a "yes" makes true; a fact is false only when every question about it says "no". */
      facts: YesNoFact[];
      /** Indicators a "yes" records. */
      indicators: IndicatorId[];
    }
  | { id: "age"; section: Section; kind: "age" }
  | { id: "citizenship"; section: Section; kind: "choice"; choices: readonly string[] };

const yesNo = (
  id: string,
  section: Section,
  facts: YesNoFact[],
  indicators: IndicatorId[] = [],
): Question => ({ id, section, kind: "yes_no", facts, indicators });

export const QUESTIONS: readonly Question[] = [
  { id: "age", section: "about", kind: "age" },
  yesNo("sex_act", "sex", ["sex.act"]),
  yesNo("value_exchanged", "sex", ["sex.valueExchanged"]),
  yesNo("explicit_performance", "sex", ["sex.explicitPerformance"]),
  yesNo("explicit_material", "sex", ["sex.explicitMaterial"]),
  yesNo("labor_performed", "work", ["labor.performed"]),
  yesNo("force_violence", "control", ["means.force"]),
  yesNo("fraud_lies", "control", ["means.fraud"]),
  yesNo("coercion_threats", "control", ["means.coercion"], ["threats"]),
  yesNo("coercion_debt", "control", ["means.coercion"]),
  yesNo("coercion_documents", "control", ["means.coercion"]),
  yesNo("coercion_control", "control", ["means.coercion"], ["isolation"]),
  yesNo("not_free_to_leave", "signs", [], ["not_free_to_leave"]),
  yesNo("has_pimp_or_madam", "signs", [], ["has_pimp_or_madam"]),
  yesNo("unpaid_or_tips_only", "signs", [], ["unpaid_or_tips_only"]),
  yesNo("no_control_of_money", "signs", [], ["no_control_of_money"]),
  yesNo("excessive_hours", "signs", [], ["excessive_hours"]),
  yesNo("no_breaks_or_restrictions", "signs", [], ["no_breaks_or_restrictions"]),
  yesNo("substandard_housing", "signs", [], ["substandard_housing"]),
  yesNo("branded", "signs", [], ["branded"]),
  yesNo("sextortion", "signs", [], ["sextortion"]),
  yesNo("crosses_state_lines", "context", ["context.crossesStateLines"]),
  yesNo("in_custody", "context", ["context.minorInCustodyForProstitution"]),
  { id: "citizenship", section: "context", kind: "choice", choices: CITIZENSHIPS },
  ...RISK_FACTORS.map((id) => yesNo(id, "background", [], [id])),
];

/** Asked first whatever `missing` says: age changes what the law requires more than anything. */
export const OPENING_QUESTIONS = ["age"] as const;

export function questionById(id: string): Question | undefined {
  return QUESTIONS.find((q) => q.id === id);
}

/** The fact paths of `missing` a question can settle. */
export function factsAsked(q: Question): string[] {
  if (q.kind === "age") return ["subject.age"];
  if (q.kind === "choice") return ["subject.citizenship"];
  return [
    ...q.facts,
    ...(q.indicators.length > 0 && q.section !== "background" ? ["indicators"] : []),
  ];
}
