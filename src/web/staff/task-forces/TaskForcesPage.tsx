import { useState } from "react";
import type { Reply } from "../../../contract/common.ts";
import type { coordinationReplies } from "../../../contract/coordination/replies.ts";
import { api } from "../../api/client.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Button } from "../../ui/Button.tsx";
import { Select, TextInput } from "../../ui/Field.tsx";
import { Link } from "../../ui/Link.tsx";
import { Page } from "../../ui/Page.tsx";
import { ActionForm, Gate, useAction } from "../actions.tsx";
import { agencyChoices, agencyName, useAgencies } from "../agencies.ts";
import { useApi } from "../useApi.ts";

/**
 * The state's task-force directory (GET /api/v1/task-forces lists every one, so conveners can
 * pick any). Opening one the user does not run answers 403, said in plain words on that page:
 * the summary carries no "may manage" flag to hide the link with.
 */
export default function TaskForcesPage() {
  const { t } = useI18n();
  const [loaded, reload] =
    useApi<Reply<typeof coordinationReplies.taskForces>>("/api/v1/task-forces");
  const [agencies] = useAgencies();
  const directory = agencies.state === "ready" ? agencies.data.agencies : [];
  return (
    <Page title={t("task_forces.title")} lead={t("task_forces.lead")}>
      <Gate loaded={loaded}>
        {({ taskForces }) =>
          taskForces.length === 0 ? (
            <p>{t("task_forces.empty")}</p>
          ) : (
            <ul className="plain-list">
              {taskForces.map((f) => (
                <li key={f.id} className="offer">
                  {/* Only the rosters the caller runs open; the rest is a directory entry. */}
                  {f.mayManage ? (
                    <Link href={`/task-forces/${encodeURIComponent(f.id)}`}>{f.name}</Link>
                  ) : (
                    <strong>{f.name}</strong>
                  )}
                  <p className="obligation-meta">{agencyName(directory, f.agencyId)}</p>
                </li>
              ))}
            </ul>
          )
        }
      </Gate>
      <CreateTaskForce agencies={agencyChoices(t, directory)} onCreated={reload} />
    </Page>
  );
}

function CreateTaskForce(props: {
  agencies: { value: string; label: string }[];
  onCreated(): void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [name, setName] = useState("");
  const [agencyId, setAgencyId] = useState("");
  const submit = async () => {
    const done = await action.run(() =>
      api.post("/api/v1/task-forces", { name, ...(agencyId ? { agencyId } : {}) }),
    );
    if (done) {
      setName("");
      props.onCreated();
    }
  };
  return (
    <ActionForm
      action={action}
      fields={["name", "agencyId"]}
      onSubmit={submit}
      label={t("task_forces.create")}
    >
      <h2>{t("task_forces.create")}</h2>
      <TextInput
        label={t("task_forces.name")}
        value={name}
        required
        minLength={3}
        maxLength={200}
        error={action.fieldError("name")}
        onChange={(e) => setName(e.target.value)}
      />
      <Select
        label={`${t("task_forces.agency")} ${t("common.optional")}`}
        hint={t("task_forces.agency_hint")}
        choices={props.agencies}
        placeholder={t("task_forces.my_agency")}
        value={agencyId}
        error={action.fieldError("agencyId")}
        onChange={(e) => setAgencyId(e.target.value)}
      />
      <Button type="submit" disabled={action.busy}>
        {t("task_forces.create")}
      </Button>
    </ActionForm>
  );
}
