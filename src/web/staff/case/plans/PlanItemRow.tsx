import { useState } from "react";
import type { Agency } from "../../../../contract/accounts/replies.ts";
import type { PlanItem } from "../../../../contract/case-file/replies.ts";
import { PLAN_ITEM_STATUSES } from "../../../../domain/coordination/service-plan.ts";
import { api } from "../../../api/client.ts";
import { formatDate } from "../../../i18n/format.ts";
import { useI18n } from "../../../i18n/i18n.tsx";
import { Badge } from "../../../ui/Badge.tsx";
import { Button } from "../../../ui/Button.tsx";
import { Select } from "../../../ui/Field.tsx";
import { ActionForm, useAction } from "../../actions.tsx";
import { agencyName } from "../../agencies.ts";
import { labelFor } from "../../labels.ts";

/**
 * One need, its goal and the service meeting it. Moving its status sends the version shown: if
 * someone moved it meanwhile, the server answers 409 and the row offers a reload.
 */
export function PlanItemRow(props: {
  planId: string;
  item: PlanItem;
  agencies: Agency[];
  mayEdit: boolean;
  onChanged(): void;
}) {
  const { t, lang } = useI18n();
  const { item } = props;
  const action = useAction();
  const [status, setStatus] = useState(item.status);
  const save = async () => {
    const done = await action.run(() =>
      api.patch(
        `/api/v1/plans/${encodeURIComponent(props.planId)}/items/${encodeURIComponent(item.id)}`,
        { version: item.version, status },
      ),
    );
    if (done) props.onChanged();
  };
  const dates = [item.startsOn, item.endsOn].map((d) => (d ? formatDate(d, lang) : "…"));
  return (
    <li className="plan-item">
      <p>
        <strong>{item.need}</strong>
        {item.goal ? ` · ${t("plan.goal")}: ${item.goal}` : ""}
      </p>
      <p className="obligation-meta">
        {t("plan.service")}: {item.service}
        {item.providerAgencyId ? ` · ${agencyName(props.agencies, item.providerAgencyId)}` : ""}
        {item.startsOn || item.endsOn ? ` · ${dates.join(" – ")}` : ""}
      </p>
      {props.mayEdit ? (
        <ActionForm
          action={action}
          fields={["status"]}
          onSubmit={save}
          onReload={props.onChanged}
          className="inline-form"
        >
          <Select
            label={t("plan.item_status", { service: item.service })}
            choices={PLAN_ITEM_STATUSES.map((s) => ({
              value: s,
              label: labelFor(t, "item_status", s),
            }))}
            value={status}
            error={action.fieldError("status")}
            onChange={(e) => setStatus(e.target.value)}
          />
          <Button
            type="submit"
            variant="secondary"
            disabled={action.busy || status === item.status}
          >
            {t("plan.move")}
          </Button>
        </ActionForm>
      ) : (
        <Badge tone="info">{labelFor(t, "item_status", item.status)}</Badge>
      )}
    </li>
  );
}
