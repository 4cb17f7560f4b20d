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

/**
 * The consent category that releases a plan item of each domain to another agency (VAWA, 34
 * U.S.C. 12291(b)(2)): physical and forensic care, testing and therapy (DOMAIN.md §6, health
 * and emotional) are health information; rehab, education, work, shelter and legal help are
 * services.
 */
export const PLAN_DOMAIN_CONSENT: Record<PlanDomain, "health" | "services"> = {
  health: "health",
  emotional: "health",
  restoration: "services",
  legal: "services",
};

export function planDomainConsentCategory(domain: PlanDomain): "health" | "services" {
  return PLAN_DOMAIN_CONSENT[domain];
}
