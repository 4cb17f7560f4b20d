import { useState } from "react";
import type { Reply } from "../../../../contract/common.ts";
import type {
  coordinationReplies,
  TaskForceSummary,
} from "../../../../contract/coordination/replies.ts";
import { api } from "../../../api/client.ts";
import { useI18n } from "../../../i18n/i18n.tsx";
import { Button } from "../../../ui/Button.tsx";
import { Select } from "../../../ui/Field.tsx";
import { ActionForm, Gate, useAction } from "../../actions.tsx";
import { useAgencies } from "../../agencies.ts";
import { useApi } from "../../useApi.ts";

/**
 * Convenes the team from a task force in the state's directory (every one, whichever agency
 * leads it: the one serving the case may be another agency's). The server offers each seat to
 * a certified member, those on call first; seats with nobody eligible stay open.
 */
export function ConveneForm(props: { caseId: string; onConvened(): void }) {
  const { t } = useI18n();
  const [loaded] = useApi<Reply<typeof coordinationReplies.taskForces>>("/api/v1/task-forces");
  // The lead agency tells apart task forces with similar names; without it (still loading, or
  // the directory failed) the names alone still let the user convene.
  const [agencies] = useAgencies();
  const directory = agencies.state === "ready" ? agencies.data.agencies : [];
  const action = useAction();
  const [taskForceId, setTaskForceId] = useState("");
  const submit = async () => {
    const done = await action.run(() =>
      api.post(`/api/v1/cases/${encodeURIComponent(props.caseId)}/rat`, { taskForceId }),
    );
    if (done) props.onConvened();
  };
  const label = (f: TaskForceSummary) => {
    const lead = directory.find((a) => a.id === f.agencyId);
    return lead ? `${f.name} · ${lead.name}` : f.name;
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
              choices={taskForces.map((f) => ({ value: f.id, label: label(f) }))}
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
