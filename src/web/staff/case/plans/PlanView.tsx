import { useState } from "react";
import type { Agency } from "../../../../contract/accounts/replies.ts";
import type { ServicePlan } from "../../../../contract/case-file/replies.ts";
import type { CasePerson } from "../../../../contract/cases/replies.ts";
import { PLAN_DOMAIN_IDS } from "../../../../domain/coordination/service-plan.ts";
import { formatDateTime } from "../../../i18n/format.ts";
import { useI18n } from "../../../i18n/i18n.tsx";
import { Button } from "../../../ui/Button.tsx";
import { agencyName } from "../../agencies.ts";
import { labelFor } from "../../labels.ts";
import { personLabel } from "../people.ts";
import { PlanItemForm } from "./PlanItemForm.tsx";
import { PlanItemRow } from "./PlanItemRow.tsx";

/**
 * One plan: its items under the four domains of DOMAIN.md §6, each movable along its status. A
 * plan another victim-services agency holds says so plainly: without consent only who holds it
 * (CPS, for a child's report, also its kind and status); under consent only the items of the
 * consented areas, and no empty areas (what is not shown may exist).
 */
export function PlanView(props: {
  plan: ServicePlan;
  person: CasePerson | undefined;
  agencies: Agency[];
  mayEdit: boolean;
  onChanged(): void;
}) {
  const { t, lang } = useI18n();
  const [adding, setAdding] = useState(false);
  const { plan } = props;
  const holder = agencyName(props.agencies, plan.agencyId);
  const forPerson = props.person ? ` · ${personLabel(t, props.person)}` : "";
  if (plan.disclosureBasis === "none" || plan.disclosureBasis === "statutory_report")
    return (
      <section className="plan plan-withheld" data-plan-basis={plan.disclosureBasis}>
        <h3>
          {t("plan.withheld_title", { agency: holder })}
          {forPerson}
        </h3>
        {plan.disclosureBasis === "statutory_report" && plan.kind && plan.status ? (
          <p>
            {t("plan.statutory_body", {
              kind: labelFor(t, "plan_kind", plan.kind),
              status: labelFor(t, "plan_status", plan.status),
            })}
          </p>
        ) : null}
        <p className="muted">{t("plan.withheld_body")}</p>
      </section>
    );
  const partial = plan.disclosureBasis === "consent";
  const mayEdit = props.mayEdit && plan.version !== null;
  return (
    <section className="plan" data-plan-kind={plan.kind} data-plan-basis={plan.disclosureBasis}>
      <h3>
        {plan.kind ? labelFor(t, "plan_kind", plan.kind) : ""}
        {forPerson}
      </h3>
      <p className="muted">
        {plan.status ? labelFor(t, "plan_status", plan.status) : ""}
        {plan.createdAt
          ? ` · ${t("plan.started_at", { at: formatDateTime(plan.createdAt, lang) })}`
          : ""}
      </p>
      {partial ? <p className="muted">{t("plan.consent_partial", { agency: holder })}</p> : null}
      {PLAN_DOMAIN_IDS.map((domain) => {
        const items = plan.items.filter((i) => i.domain === domain);
        if (partial && items.length === 0) return null;
        return (
          <div key={domain} className="plan-domain">
            <h4>{labelFor(t, "domain", domain)}</h4>
            {items.length === 0 ? (
              <p className="muted">{t("plan.domain_empty")}</p>
            ) : (
              <ul className="plan-items">
                {items.map((item) => (
                  <PlanItemRow
                    key={item.id}
                    planId={plan.id}
                    item={item}
                    agencies={props.agencies}
                    mayEdit={mayEdit}
                    onChanged={props.onChanged}
                  />
                ))}
              </ul>
            )}
          </div>
        );
      })}
      {mayEdit ? (
        adding ? (
          <PlanItemForm
            planId={plan.id}
            agencies={props.agencies}
            onAdded={() => {
              setAdding(false);
              props.onChanged();
            }}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <Button variant="secondary" onClick={() => setAdding(true)}>
            {t("plan.add_item")}
          </Button>
        )
      ) : null}
    </section>
  );
}
