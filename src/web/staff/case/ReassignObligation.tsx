import { useState } from "react";
import type { assignmentReplies } from "../../../contract/assignment/replies.ts";
import type { Reply } from "../../../contract/common.ts";
import { api } from "../../api/client.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Button } from "../../ui/Button.tsx";
import { Select } from "../../ui/Field.tsx";
import { ActionForm, Gate, useAction } from "../actions.tsx";
import { labelFor } from "../labels.ts";
import { useApi } from "../useApi.ts";

/**
 * Hands one obligation to a named worker of the agency holding the case (POST
 * /obligations/:id/reassign), chosen from the same list "Who has this case" uses (each with the
 * open cases they carry). Shown where the server says the caller may (`mayReassign`).
 */
export function ReassignObligation(props: {
  caseId: string;
  obligation: { id: string; version: number; ownerUserId: string | null };
  /** The obligation's name, for the form's label. */
  action: string;
  onDone(name: string): void;
  onCancel(): void;
  onStale(): void;
}) {
  const { t } = useI18n();
  const [workers] = useApi<Reply<typeof assignmentReplies.workers>>(
    `/api/v1/cases/${encodeURIComponent(props.caseId)}/workers`,
  );
  const reassign = useAction();
  const [userId, setUserId] = useState("");
  const { obligation } = props;
  return (
    <Gate loaded={workers}>
      {({ workers: all }) => {
        const others = all.filter((w) => w.userId !== obligation.ownerUserId);
        if (others.length === 0)
          return (
            <>
              <p>{t("obligation.reassign.nobody")}</p>
              <Button variant="secondary" onClick={props.onCancel}>
                {t("common.cancel")}
              </Button>
            </>
          );
        const submit = async () => {
          if (!userId) return reassign.fail("userId", t("obligation.reassign.choose"));
          const ok = await reassign.run(() =>
            api.post(`/api/v1/obligations/${encodeURIComponent(obligation.id)}/reassign`, {
              version: obligation.version,
              userId,
            }),
          );
          if (ok) props.onDone(others.find((w) => w.userId === userId)?.displayName ?? "");
        };
        return (
          <ActionForm
            action={reassign}
            fields={["userId"]}
            onSubmit={submit}
            onReload={props.onStale}
            label={t("obligation.reassign.title", { action: props.action })}
          >
            <Select
              label={t("obligation.reassign.to", { action: props.action })}
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
              error={reassign.fieldError("userId")}
              onChange={(e) => setUserId(e.target.value)}
            />
            <div className="actions">
              <Button type="submit" disabled={reassign.busy}>
                {t("obligation.reassign.submit")}
              </Button>
              <Button variant="secondary" onClick={props.onCancel}>
                {t("common.cancel")}
              </Button>
            </div>
          </ActionForm>
        );
      }}
    </Gate>
  );
}
