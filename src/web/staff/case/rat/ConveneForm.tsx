import { useState } from "react";
import { api } from "../../../api/client.ts";
import type { TaskForceSummary } from "../../../api/coordination-types.ts";
import { useI18n } from "../../../i18n/i18n.tsx";
import { Button } from "../../../ui/Button.tsx";
import { Select } from "../../../ui/Field.tsx";
import { ActionForm, Gate, useAction } from "../../actions.tsx";
import { useApi } from "../../useApi.ts";

/**
 * Convenes the team from one of the task forces this user can see. The server offers each seat
 * to a certified member, those on call first; seats with nobody eligible stay open.
 */
export function ConveneForm(props: { caseId: string; onConvened(): void }) {
  const { t } = useI18n();
  const [loaded] = useApi<{ taskForces: TaskForceSummary[] }>("/api/v1/task-forces");
  const action = useAction();
  const [taskForceId, setTaskForceId] = useState("");
  const submit = async () => {
    const done = await action.run(() =>
      api.post(`/api/v1/cases/${encodeURIComponent(props.caseId)}/rat`, { taskForceId }),
    );
    if (done) props.onConvened();
  };
  return (
    <Gate loaded={loaded}>
      {({ taskForces }) =>
        taskForces.length === 0 ? (
          <p className="muted">{t("rat.no_task_force")}</p>
        ) : (
          <ActionForm
            action={action}
            fields={["taskForceId"]}
            onSubmit={submit}
            onReload={props.onConvened}
            label={t("rat.convene")}
          >
            <Select
              label={t("rat.task_force")}
              hint={t("rat.convene_hint")}
              choices={taskForces.map((f) => ({ value: f.id, label: f.name }))}
              placeholder={t("common.choose")}
              value={taskForceId}
              required
              error={action.fieldError("taskForceId")}
              onChange={(e) => setTaskForceId(e.target.value)}
            />
            <Button type="submit" disabled={action.busy}>
              {t("rat.convene")}
            </Button>
          </ActionForm>
        )
      }
    </Gate>
  );
}
