import { citationText } from "../citations.ts";
import { type Language, type MessageKey, translate } from "../i18n/index.ts";
import { ACTION_CATALOGUE } from "./actions.ts";
import type { Decision } from "./decide.ts";
import type { Facts } from "./facts.ts";
import { decideCode, encode, missingFacts } from "./missing.ts";
import { NOT_INDICATED_RULE, READING_CITATIONS } from "./rules.ts";
import { type AgeStatus, ageStatus, commercialSex, deriveState, type State } from "./state.ts";
import type { ActionId, Determination, NibrsCode, Offense } from "./vocabulary.ts";

/** Bumped whenever a rule changes; stored with every assessment so results can be re-explained. */
export const ENGINE_VERSION = "1.0.0";

export interface RationaleEntry {
  rule: string;
  /** The rule's number in ../shared/assessment/CONTRACT.md. */
  contractRule: number;
  text: string;
  citation: string;
}

export interface ActionDetail {
  id: ActionId;
  label: string;
  contact: string;
  phone: string | null;
  /** Dialable form for tap-to-call links. */
  tel: string | null;
  deadline: string;
  /** Hours from the tip within which it is due; 0 = immediately; null = no fixed clock. */
  deadlineHours: number | null;
  citation: string;
}

export interface Assessment {
  engineVersion: string;
  determination: Determination;
  determinationLabel: string;
  age: { status: NonNullable<AgeStatus> | "unknown"; basis: "age" | "ageGroup" | null };
  actions: ActionId[];
  actionDetails: ActionDetail[];
  offenses: Offense[];
  nibrs: NibrsCode[];
  rationale: RationaleEntry[];
  missing: string[];
}

function readings(facts: Facts, s: State, lang: Language): RationaleEntry[] {
  const out: RationaleEntry[] = [];
  const add = (
    rule: string,
    contractRule: number,
    key: MessageKey,
    citation: string,
    age?: number,
  ) =>
    out.push({
      rule,
      contractRule,
      text: translate(lang, key, age === undefined ? undefined : { age }),
      citation: citationText(citation, lang),
    });
  const { status, basis } = ageStatus(facts);
  if (status === null) add("age", 1, "reading.age.unknown", READING_CITATIONS.age);
  else if (basis === "age")
    add("age", 1, `reading.age.${status}`, READING_CITATIONS.age, facts.subject?.age ?? 0);
  else add("age", 1, `reading.age_group.${status}`, READING_CITATIONS.age);
  if (commercialSex(s) === true)
    add("commercial_sex", 2, "reading.commercial_sex", READING_CITATIONS.commercial_sex);
  if (s.ffc === true) add("force_fraud_coercion", 3, "reading.ffc.true", READING_CITATIONS.ffc);
  else if (s.ffc === null && (s.labor === true || commercialSex(s) === true) && s.age !== "minor") {
    add("force_fraud_coercion", 3, "reading.ffc.unknown", READING_CITATIONS.ffc);
  }
  const minorSaysAgreed =
    facts.subject?.consented === true || facts.context?.believedAdult === true;
  if (s.age === "minor" && minorSaysAgreed) {
    add(
      "minor_consent_irrelevant",
      4,
      "reading.minor_consent_irrelevant",
      READING_CITATIONS.minor_consent_irrelevant,
    );
  }
  return out;
}

const rationaleCache = new WeakMap<
  Decision,
  Partial<Record<Language, readonly RationaleEntry[]>>
>();

/** The rule explanations depend only on the (memoised) decision and the language. */
function decisionRationale(d: Decision, lang: Language): readonly RationaleEntry[] {
  let byLang = rationaleCache.get(d);
  if (!byLang) {
    byLang = {};
    rationaleCache.set(d, byLang);
  }
  let entries = byLang[lang];
  if (!entries) {
    entries = Object.freeze(buildDecisionRationale(d, lang).map((e) => Object.freeze(e)));
    byLang[lang] = entries;
  }
  return entries;
}

const DETERMINATION_CONTRACT_RULE: Record<string, number> = {
  sex_trafficking_minor: 4,
  sex_trafficking: 5,
  labor_trafficking: 6,
};

function buildDecisionRationale(d: Decision, lang: Language): RationaleEntry[] {
  const entry = (rule: { id: string; citation: string }, contractRule: number): RationaleEntry => ({
    rule: rule.id,
    contractRule,
    text: translate(lang, `rule.${rule.id}` as MessageKey),
    citation: citationText(rule.citation, lang),
  });
  return [
    ...d.holding.map((r) => entry(r, DETERMINATION_CONTRACT_RULE[r.determination] ?? 7)),
    ...d.possible.map((r) => entry(r, 8)),
    ...(d.determination === "not_indicated" ? [entry(NOT_INDICATED_RULE, 9)] : []),
    ...d.actionRules.map((r) => entry(r, 10)),
  ];
}

const detailCache = new Map<string, ActionDetail>();

/** Action details depend only on the id and the language: built once, then shared (frozen). */
function actionDetail(id: ActionId, lang: Language): ActionDetail {
  const key = `${lang}:${id}`;
  let detail = detailCache.get(key);
  if (!detail) {
    detail = Object.freeze(buildActionDetail(id, lang));
    detailCache.set(key, detail);
  }
  return detail;
}

function buildActionDetail(id: ActionId, lang: Language): ActionDetail {
  const spec = ACTION_CATALOGUE[id];
  return {
    id,
    label: translate(lang, `action.${id}`),
    contact: translate(lang, `contact.${spec.contactKey}` as MessageKey),
    phone: spec.phone?.phone ?? null,
    tel: spec.phone?.tel ?? null,
    deadline: translate(lang, `deadline.${spec.deadline.kind}`),
    deadlineHours: spec.deadline.hours,
    citation: citationText(spec.citation, lang),
  };
}

/**
 * The assessment of ../shared/assessment/CONTRACT.md: a pure function of validated facts.
 * `lang` only changes the wording of labels and explanations, never ids or the result.
 */
export function assess(facts: Facts, options: { lang?: Language } = {}): Assessment {
  const lang = options.lang ?? "en";
  const state = deriveState(facts);
  const decision = decideCode(encode(state));
  const { status, basis } = ageStatus(facts);
  return {
    engineVersion: ENGINE_VERSION,
    determination: decision.determination,
    determinationLabel: translate(lang, `determination.${decision.determination}`),
    age: { status: status ?? "unknown", basis },
    actions: decision.actions,
    actionDetails: decision.actions.map((id) => actionDetail(id, lang)),
    offenses: decision.offenses,
    nibrs: decision.nibrs,
    rationale: [...readings(facts, state, lang), ...decisionRationale(decision, lang)],
    // A copy: the memoised list is shared between assessments.
    missing: missingFacts(state, facts).slice(),
  };
}
