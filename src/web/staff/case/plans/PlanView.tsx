import { useState } from "react";
import { PLAN_DOMAIN_IDS } from "../../../../domain/coordination/service-plan.ts";
import type { Agency, ServicePlan } from "../../../api/case-file-types.ts";
import type { CasePerson } from "../../../api/types.ts";
import { formatDateTime } from "../../../i18n/format.ts";
import { useI18n } from "../../../i18n/i18n.tsx";
import { Button } from "../../../ui/Button.tsx";
import { labelFor } from "../../labels.ts";
import { personLabel } from "../people.ts";
import { PlanItemForm } from "./PlanItemForm.tsx";
import { PlanItemRow } from "./PlanItemRow.tsx";

/** One plan: its items under the four domains of DOMAIN.md §6, each movable along its status. */
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
  return (
    <section className="plan" data-plan-kind={plan.kind}>
      <h3>
        {labelFor(t, "plan_kind", plan.kind)}
        {props.person ? ` · ${personLabel(t, props.person)}` : ""}
      </h3>
      <p className="muted">
        {labelFor(t, "plan_status", plan.status)} ·{" "}
        {t("plan.started_at", { at: formatDateTime(plan.createdAt, lang) })}
      </p>
      {PLAN_DOMAIN_IDS.map((domain) => {
        const items = plan.items.filter((i) => i.domain === domain);
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
                    mayEdit={props.mayEdit}
                    onChanged={props.onChanged}
                  />
                ))}
              </ul>
            )}
          </div>
        );
      })}
      {props.mayEdit ? (
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
