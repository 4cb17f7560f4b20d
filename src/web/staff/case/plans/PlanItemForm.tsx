import { useState } from "react";
import type { Agency } from "../../../../contract/accounts/replies.ts";
import { endBeforeStartProblem } from "../../../../domain/consistency.ts";
import { api } from "../../../api/client.ts";
import { useI18n } from "../../../i18n/i18n.tsx";
import { Button } from "../../../ui/Button.tsx";
import { Select, TextArea, TextInput } from "../../../ui/Field.tsx";
import { ActionForm, useAction } from "../../actions.tsx";
import { agencyChoices } from "../../agencies.ts";
import { consistencyMessage } from "../../field-problems.ts";
import { DomainSelect } from "./DomainSelect.tsx";

const FIELDS = ["domain", "need", "goal", "service", "providerAgencyId", "startsOn", "endsOn"];

/** Adds a need, an optional goal and the service (and provider) that meets it. */
export function PlanItemForm(props: {
  planId: string;
  agencies: Agency[];
  onAdded(): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [form, setForm] = useState({
    domain: "",
    need: "",
    goal: "",
    service: "",
    providerAgencyId: "",
    startsOn: "",
    endsOn: "",
  });
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [field]: e.target.value });
  const submit = async () => {
    // The same check the server makes, asked first so the message is in the reader's language.
    const order = endBeforeStartProblem(form.startsOn, form.endsOn, "endsOn");
    if (order) return action.fail(order.field, consistencyMessage(t, order));
    // Empty optional fields are left out rather than sent blank.
    const body = Object.fromEntries(Object.entries(form).filter(([, v]) => v.trim() !== ""));
    const done = await action.run(() =>
      api.post(`/api/v1/plans/${encodeURIComponent(props.planId)}/items`, body),
    );
    if (done) props.onAdded();
  };
  const optional = (label: string) => `${label} ${t("common.optional")}`;
  return (
    <ActionForm action={action} fields={FIELDS} onSubmit={submit} label={t("plan.add_item")}>
      <h4>{t("plan.add_item")}</h4>
      <DomainSelect
        value={form.domain}
        error={action.fieldError("domain")}
        onChange={set("domain")}
      />
      <TextArea
        label={t("plan.need")}
        hint={t("plan.need_hint")}
        value={form.need}
        required
        maxLength={2000}
        error={action.fieldError("need")}
        onChange={set("need")}
      />
      <TextInput
        label={optional(t("plan.goal"))}
        value={form.goal}
        maxLength={2000}
        error={action.fieldError("goal")}
        onChange={set("goal")}
      />
      <TextInput
        label={t("plan.service")}
        hint={t("plan.service_hint")}
        value={form.service}
        required
        maxLength={200}
        error={action.fieldError("service")}
        onChange={set("service")}
      />
      <Select
        label={optional(t("plan.provider"))}
        choices={agencyChoices(t, props.agencies)}
        placeholder={t("common.none")}
        value={form.providerAgencyId}
        error={action.fieldError("providerAgencyId")}
        onChange={set("providerAgencyId")}
      />
      <div className="field-row">
        <TextInput
          type="date"
          label={optional(t("plan.starts_on"))}
          value={form.startsOn}
          error={action.fieldError("startsOn")}
          onChange={set("startsOn")}
        />
        <TextInput
          type="date"
          label={optional(t("plan.ends_on"))}
          value={form.endsOn}
          error={action.fieldError("endsOn")}
          onChange={set("endsOn")}
        />
      </div>
      <div className="actions">
        <Button type="submit" disabled={action.busy}>
          {t("plan.add")}
        </Button>
        <Button variant="secondary" onClick={props.onCancel}>
          {t("common.cancel")}
        </Button>
      </div>
    </ActionForm>
  );
}
