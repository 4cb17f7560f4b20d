import { guidance } from "../citations.ts";
import { commercialSex, type State } from "./state.ts";
import type { ActionId, Determination, NibrsCode, Offense } from "./vocabulary.ts";

/**
 * The rules of the assessment, in one file a lawyer can read. Each rule carries its citation; its
 * plain-language explanation is in the message catalogues under `rule.<id>` (English and
 * Spanish). Numbers refer to the rules of ../shared/assessment/CONTRACT.md.
 */

export interface DeterminationRule {
  id: string;
  determination: Determination;
  offenses: Offense[];
  nibrs: NibrsCode[];
  citation: string;
  holds(s: State): boolean;
}

/** Rules 4–6, in priority order: the first that holds is the determination (rule 7). */
export const DETERMINATION_RULES: readonly DeterminationRule[] = [
  {
    // Rule 4. A minor cannot consent; no force, fraud or coercion is needed, and neither the
    // minor's consent nor a belief that the minor was an adult is a defense.
    id: "minor_commercial_sex",
    determination: "sex_trafficking_minor",
    offenses: ["procuring_sexual_servitude_of_minor"],
    nibrs: ["64A"],
    citation: "Miss. Code § 97-3-54.1(1)(c); § 97-3-54.4(e), (k)",
    holds: (s) => s.age === "minor" && (commercialSex(s) === true || s.explicit === true),
  },
  {
    // Rule 5. For an adult, commercial sex is trafficking only when caused by force, fraud or
    // coercion.
    id: "adult_commercial_sex_with_ffc",
    determination: "sex_trafficking",
    offenses: ["human_trafficking"],
    nibrs: ["64A"],
    citation: "Miss. Code § 97-3-54.1(1)(a); § 97-3-54.4(e)",
    holds: (s) => s.age === "adult" && commercialSex(s) === true && s.ffc === true,
  },
  {
    // Rule 6. Labor or services induced by force, fraud or coercion, at any age.
    id: "labor_with_ffc",
    determination: "labor_trafficking",
    offenses: ["human_trafficking"],
    nibrs: ["64B"],
    citation: "Miss. Code § 97-3-54.1(1)(a); § 97-3-54.4(o)",
    holds: (s) => s.labor === true && s.ffc === true,
  },
];

export interface PossibleRule {
  id: string;
  citation: string;
  holds(s: State): boolean;
}

/** Rule 8: when none of rules 4–6 holds, any of these makes the situation possible trafficking. */
export const POSSIBLE_RULES: readonly PossibleRule[] = [
  {
    id: "red_flag_present",
    citation: guidance("cvp_red_flags"), // DOMAIN.md §7
    holds: (s) => s.redFlag,
  },
  {
    id: "commercial_sex_age_unknown",
    citation: "Miss. Code § 97-3-54.4(e), (k)",
    holds: (s) => s.age === null && commercialSex(s) === true,
  },
  {
    id: "adult_commercial_sex_ffc_unknown",
    citation: "Miss. Code § 97-3-54.1(1)(a)", // DOMAIN.md §2: adults need FFC
    holds: (s) => s.age === "adult" && commercialSex(s) === true && s.ffc === null,
  },
  {
    id: "minor_sex_act_value_unknown",
    citation: "Miss. Code § 97-3-54.4(e), (k)",
    holds: (s) => s.age === "minor" && s.sexAct === true && s.valueExchanged === null,
  },
];

/** Rule 9: explains a "not indicated" result. */
export const NOT_INDICATED_RULE = {
  id: "not_indicated",
  // DOMAIN.md §2 (an adult's commercial sex needs FFC), §7 (risk factors alone); contract rule 9.
  citation: `Miss. Code § 97-3-54.1(1)(a); ${guidance("cvp_risk_factors")}`,
} as const;

export interface ActionRule {
  id: string;
  actions: ActionId[];
  citation: string;
  applies(s: State, d: Determination): boolean;
}

const indicated = (d: Determination) => d !== "not_indicated";

/** Rule 10. The union of the actions of every rule that applies, in catalogue order. */
export const ACTION_RULES: readonly ActionRule[] = [
  {
    id: "minor_reports",
    actions: [
      "report_cps",
      "report_mbi_ht_coordinator",
      "report_attorney_general",
      "rapid_assessment_team",
      "cps_in_person_contact_24h",
      "contact_victim_advocate",
      "document_everything",
    ],
    citation:
      "Miss. Code § 97-3-54.1(4); §§ 43-21-105, 43-21-353; § 97-5-51; § 43-26-3(2)(a); HB 1559 (2020)",
    applies: (s, d) => s.age === "minor" && indicated(d),
  },
  {
    id: "minor_victim_care",
    actions: ["cps_specialized_plan", "medical_or_shelter_not_detention"],
    citation: `HB 571 (2019); ${guidance("cvp_training")}`, // DOMAIN.md §4–5
    applies: (s, d) =>
      s.age === "minor" && (d === "sex_trafficking_minor" || d === "labor_trafficking"),
  },
  {
    id: "adult_support",
    actions: [
      "contact_victim_advocate",
      "national_hotline",
      "offer_law_enforcement_contact",
      "document_everything",
    ],
    citation: guidance("cvp_training"), // DOMAIN.md §4–5 (authority: seed)
    applies: (s, d) => s.age === "adult" && indicated(d),
  },
  {
    id: "age_unknown_support",
    actions: [
      "establish_age",
      "contact_victim_advocate",
      "national_hotline",
      "document_everything",
    ],
    citation: `Miss. Code § 97-3-54.4(k); ${guidance("cvp_training")}`, // DOMAIN.md §5
    applies: (s, d) => s.age === null && indicated(d),
  },
  {
    id: "minor_in_custody",
    actions: ["notify_cps_minor_in_custody"],
    citation: "Miss. Code § 97-29-49",
    applies: (s) => s.minorInCustody === true,
  },
  {
    id: "crosses_state_lines",
    actions: ["notify_fbi"],
    citation: guidance("cvp_training"), // DOMAIN.md §5: "call the FBI" (authority: seed)
    applies: (s, d) => s.crossesStateLines === true && indicated(d),
  },
  {
    id: "foreign_national",
    actions: ["immigration_relief_referral"],
    citation: "22 U.S.C. 7105; 8 U.S.C. 1101(a)(15)(T)",
    applies: (s, d) => s.foreignNational === true && indicated(d),
  },
];

/** Explanations of how the facts were read (rules 1–3); they carry citations too. */
export const READING_CITATIONS = {
  age: "Miss. Code § 97-3-54.4(k)",
  commercial_sex: "Miss. Code § 97-3-54.4(e)",
  ffc: "Miss. Code § 97-3-54.1(1)(a)", // DOMAIN.md §2
  minor_consent_irrelevant: "Miss. Code § 97-3-54.1(1)(c)", // DOMAIN.md §2
} as const;
