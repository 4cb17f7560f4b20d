import { useEffect, useState } from "react";
import type { assignmentReplies } from "../../../contract/assignment/replies.ts";
import type { Reply } from "../../../contract/common.ts";
import { api } from "../../api/client.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { Select } from "../../ui/Field.tsx";
import { ActionForm, useAction } from "../actions.tsx";
import { agencyChoices, agencyName, useAgencies } from "../agencies.ts";
import { labelFor } from "../labels.ts";
import { useApi } from "../useApi.ts";
import type { CasePanelProps } from "./panels.ts";

/**
 * Who answers for the case: hand it to another worker of the holding agency (each with the open
 * cases they already carry, so the load can be spread), or transfer it to another agency, whose
 * least-loaded worker takes it. Both are on the timeline and tell the person who gets it.
 * Shown only to those the server lets assign (`assignCase`).
 */
export default function AssignmentPanel({ detail, reload }: CasePanelProps) {
  const { t } = useI18n();
  const [workers, reloadWorkers] = useApi<Reply<typeof assignmentReplies.workers>>(
    `/api/v1/cases/${encodeURIComponent(detail.id)}/workers`,
  );
  // After a transfer the case has another agency, and so other workers to choose from.
  // biome-ignore lint/correctness/useExhaustiveDependencies: refetch when the holder changes
  useEffect(() => reloadWorkers(), [detail.agencyId]);
  const [agencies] = useAgencies();
  const assign = useAction();
  const transfer = useAction();
  const [userId, setUserId] = useState("");
  const [agencyId, setAgencyId] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const others =
    workers.state === "ready"
      ? workers.data.workers.filter((w) => w.userId !== detail.assignedWorker?.userId)
      : [];
  const toAssign = async () => {
    if (!userId) return assign.fail("userId", t("assign.choose_worker"));
    const ok = await assign.run(() =>
      api.post(`/api/v1/cases/${encodeURIComponent(detail.id)}/assign`, { userId }),
    );
    if (ok) {
      setDone(t("assign.assigned"));
      reload();
    }
  };
  const toTransfer = async () => {
    if (!agencyId) return transfer.fail("agencyId", t("assign.choose_agency"));
    const ok = await transfer.run(() =>
      api.post(`/api/v1/cases/${encodeURIComponent(detail.id)}/transfer`, { agencyId }),
    );
    if (ok) {
      setDone(t("assign.transferred"));
      reload();
    }
  };
  return (
    <>
      <p>
        {detail.assignedWorker
          ? t("assign.current", { name: detail.assignedWorker.displayName })
          : t("assign.nobody")}
      </p>
      {done ? <Alert tone="success">{done}</Alert> : null}
      <ActionForm action={assign} fields={["userId"]} onSubmit={toAssign} onReload={reload}>
        <Select
          label={t("assign.worker")}
          hint={t("assign.worker_hint")}
          placeholder={t("common.choose")}
          choices={others.map((w) => ({
            value: w.userId,
            label: t("assign.worker_choice", {
              name: w.displayName,
              role: labelFor(t, "role", w.role),
              count: String(w.openCases),
            }),
          }))}
          value={userId}
          error={assign.fieldError("userId")}
          onChange={(e) => setUserId(e.target.value)}
        />
        <Button type="submit" disabled={assign.busy}>
          {t("assign.submit")}
        </Button>
      </ActionForm>
      <ActionForm action={transfer} fields={["agencyId"]} onSubmit={toTransfer} onReload={reload}>
        <Select
          label={t("assign.agency")}
          hint={t("assign.agency_hint", {
            current:
              agencies.state === "ready"
                ? agencyName(agencies.data.agencies, detail.agencyId)
                : "—",
          })}
          placeholder={t("common.choose")}
          choices={
            agencies.state === "ready"
              ? agencyChoices(
                  t,
                  agencies.data.agencies.filter((a) => a.id !== detail.agencyId),
                )
              : []
          }
          value={agencyId}
          error={transfer.fieldError("agencyId")}
          onChange={(e) => setAgencyId(e.target.value)}
        />
        <Button type="submit" variant="secondary" disabled={transfer.busy}>
          {t("assign.transfer")}
        </Button>
      </ActionForm>
    </>
  );
}
