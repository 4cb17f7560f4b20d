import { planDisclosureBasis, planItemVisible } from "../../access/policy.ts";
import type { Scope } from "../scope.ts";
import { openText } from "../sealed-text.ts";

/**
 * Service plans as one caller may read them. The disclosure basis of each plan and which of its
 * items the caller may read are decided in the SQL (the policy's expressions), so hidden items
 * never leave the database.
 */
export class PlanReadingRepository {
  constructor(private readonly s: Scope) {}

  /**
   * The case's plans, oldest first, with the items the caller may read (needs and goals opened).
   * A plan another victim-services agency holds is listed with its basis: under `consent`, the
   * items of the consented categories; under `statutory_report` (CPS, a child's report), its
   * kind and status only; under `none`, only that the agency holds one.
   */
  async listForCase(caseId: string) {
    const { trx, actor, nowIso, keyring } = this.s;
    const plans = await trx
      .selectFrom("service_plans")
      .selectAll()
      .select(planDisclosureBasis(actor, nowIso).as("disclosure_basis"))
      .where("case_id", "=", caseId)
      .orderBy("created_at")
      .execute();
    const items =
      plans.length === 0
        ? []
        : await trx
            .selectFrom("plan_items")
            .selectAll()
            .where(
              "plan_id",
              "in",
              plans.map((p) => p.id),
            )
            .where(planItemVisible(actor, nowIso))
            .orderBy("created_at")
            .orderBy("id")
            .execute();
    return plans.map((p) => {
      const basis = p.disclosure_basis;
      const fields = basis === "own_agency" || basis === "consent";
      const kindAndStatus = fields || basis === "statutory_report";
      return {
        id: p.id,
        personId: p.person_id,
        agencyId: p.agency_id,
        disclosureBasis: basis,
        kind: kindAndStatus ? p.kind : null,
        status: kindAndStatus ? p.status : null,
        createdAt: fields ? p.created_at : null,
        version: fields ? p.version : null,
        items: items
          .filter((i) => fields && i.plan_id === p.id)
          .map((i) => ({
            id: i.id,
            domain: i.domain,
            need: openText(keyring, "plan_items", "need", i.id, i.need),
            goal: i.goal === null ? null : openText(keyring, "plan_items", "goal", i.id, i.goal),
            service: openText(keyring, "plan_items", "service", i.id, i.service),
            providerAgencyId: i.provider_agency_id,
            startsOn: i.starts_on,
            endsOn: i.ends_on,
            status: i.status,
            version: i.version,
          })),
      };
    });
  }
}
