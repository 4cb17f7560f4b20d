import { useState } from "react";
import type { Agency } from "../../../../contract/accounts/replies.ts";
import type { caseFileReplies, ServicePlan } from "../../../../contract/case-file/replies.ts";
import type { CasePerson } from "../../../../contract/cases/replies.ts";
import type { Reply } from "../../../../contract/common.ts";
import { api } from "../../../api/client.ts";
import { useI18n } from "../../../i18n/i18n.tsx";
import { Button } from "../../../ui/Button.tsx";
import { Select } from "../../../ui/Field.tsx";
import { ActionForm, Gate, useAction } from "../../actions.tsx";
import { useAgencies } from "../../agencies.ts";
import { useApi } from "../../useApi.ts";
import type { CasePanelProps } from "../panels.ts";
import { personChoices, victimsOf } from "../people.ts";
import { PlanView } from "./PlanView.tsx";

/**
 * Service plans for the case's victims across the four domains (health, emotional, restoration,
 * legal), and the CPS specialized plan of HB 571 for a minor victim. What can be started or
 * changed follows the case's abilities (editPlan, writeSpecializedPlan).
 */
export default function PlansPanel({ detail }: CasePanelProps) {
  const { t } = useI18n();
  const path = `/api/v1/cases/${encodeURIComponent(detail.id)}/plans`;
  const [loaded, reload] = useApi<Reply<typeof caseFileReplies.plans>>(path);
  const [agencies] = useAgencies();
  const directory: Agency[] = agencies.state === "ready" ? agencies.data.agencies : [];
  const { abilities } = detail;
  return (
    <Gate loaded={loaded}>
      {({ plans }) => (
        <>
          {plans.length === 0 ? <p>{t("plan.none")}</p> : null}
          {plans.map((plan) => (
            <PlanView
              key={plan.id}
              plan={plan}
              person={detail.persons.find((p) => p.id === plan.personId)}
              agencies={directory}
              mayEdit={abilities.editPlan}
              onChanged={reload}
            />
          ))}
          {abilities.editPlan || abilities.writeSpecializedPlan ? (
            <StartPlanForm
              caseId={detail.id}
              plans={plans}
              victims={victimsOf(detail.persons)}
              mayStartService={abilities.editPlan}
              mayStartSpecialized={abilities.writeSpecializedPlan}
              onStarted={reload}
            />
          ) : null}
        </>
      )}
    </Gate>
  );
}

/**
 * Starts a plan for one victim: a service plan, or (CPS only) the specialized plan; a kind the
 * person already has is not offered again.
 */
function StartPlanForm(props: {
  caseId: string;
  plans: ServicePlan[];
  victims: CasePerson[];
  mayStartService: boolean;
  mayStartSpecialized: boolean;
  onStarted(): void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [personId, setPersonId] = useState(props.victims[0]?.id ?? "");
  if (props.victims.length === 0) return <p className="muted">{t("plan.no_victim")}</p>;
  const has = (kind: string) => props.plans.some((p) => p.personId === personId && p.kind === kind);
  const offerService = props.mayStartService && !has("service_plan");
  const offerSpecialized = props.mayStartSpecialized && !has("cps_specialized_plan");
  if (!offerService && !offerSpecialized && props.victims.length === 1) return null;
  const start = async (kind: "service_plan" | "cps_specialized_plan") => {
    const done = await action.run(() =>
      api.post(`/api/v1/cases/${encodeURIComponent(props.caseId)}/plans`, { personId, kind }),
    );
    if (done) props.onStarted();
  };
  return (
    <ActionForm
      action={action}
      fields={["personId"]}
      onSubmit={() => start(offerService ? "service_plan" : "cps_specialized_plan")}
      onReload={props.onStarted}
      label={t("plan.start_title")}
    >
      <h3>{t("plan.start_title")}</h3>
      {props.victims.length > 1 ? (
        <Select
          label={t("plan.for_person")}
          choices={personChoices(t, props.victims)}
          value={personId}
          onChange={(e) => setPersonId(e.target.value)}
          error={action.fieldError("personId")}
        />
      ) : null}
      <div className="actions">
        {offerService ? (
          <Button type="submit" variant="secondary" disabled={action.busy}>
            {t("plan.start_service")}
          </Button>
        ) : null}
        {offerSpecialized ? (
          <Button
            variant="secondary"
            disabled={action.busy}
            onClick={() => void start("cps_specialized_plan")}
          >
            {t("plan.start_specialized")}
          </Button>
        ) : null}
      </div>
    </ActionForm>
  );
}
