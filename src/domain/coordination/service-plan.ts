/** The four domains a victim's service plan covers (DOMAIN.md §6, from the training deck). */
export const PLAN_DOMAINS = {
  health: {
    examples: [
      "physical exam",
      "forensic exam (SANE)",
      "STI treatment",
      "testing for pregnancy, HIV, syphilis",
    ],
  },
  emotional: { examples: ["therapy", "family therapy when possible"] },
  restoration: { examples: ["rehab", "education", "employment", "life skills", "shelter"] },
  legal: { examples: ["criminal", "civil", "immigration relief"] },
} as const;
export type PlanDomain = keyof typeof PLAN_DOMAINS;
export const PLAN_DOMAIN_IDS = Object.keys(PLAN_DOMAINS) as PlanDomain[];

/**
 * A service plan, or the specialized plan CPS must create for a minor victim (HB 571 (2019)),
 * which is the same shape with its own obligation (`cps_specialized_plan`).
 */
export const PLAN_KINDS = ["service_plan", "cps_specialized_plan"] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
export const SPECIALIZED_PLAN_CITATION = "HB 571 (2019)";

export const PLAN_STATUSES = ["draft", "active", "closed"] as const;
export const PLAN_ITEM_STATUSES = ["planned", "in_progress", "completed", "cancelled"] as const;
