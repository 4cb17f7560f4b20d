import { useState } from "react";
import { ROLES } from "../../../domain/roles.ts";
import type { Agency } from "../../api/case-file-types.ts";
import { api } from "../../api/client.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { Select, TextInput } from "../../ui/Field.tsx";
import { ActionForm, useAction } from "../actions.tsx";
import { agencyChoices } from "../agencies.ts";
import { labelFor } from "../labels.ts";

const FIELDS = ["email", "displayName", "password", "agencyId", "role"];
const EMPTY = { email: "", displayName: "", password: "", agencyId: "", role: "" };

/**
 * Creates an account in an agency the administrator manages. The server checks the password
 * (length, common passwords) and refuses agencies outside the administrator's reach.
 */
export function CreateUserForm(props: { agencies: Agency[]; onCreated(): void }) {
  const { t } = useI18n();
  const action = useAction({ messages: { conflict: "users.exists" } });
  const [form, setForm] = useState(EMPTY);
  const [created, setCreated] = useState<string | null>(null);
  const set = (field: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setForm({ ...form, [field]: e.target.value });
  const submit = async () => {
    setCreated(null);
    const done = await action.run(() => api.post("/api/v1/users", form));
    if (done) {
      setCreated(form.displayName);
      setForm(EMPTY);
      props.onCreated();
    }
  };
  return (
    <ActionForm action={action} fields={FIELDS} onSubmit={submit} label={t("users.create")}>
      <h2>{t("users.create")}</h2>
      {created ? <Alert tone="success">{t("users.created", { name: created })}</Alert> : null}
      <div className="field-row">
        <TextInput
          type="email"
          label={t("sign_in.email")}
          value={form.email}
          required
          maxLength={254}
          error={action.fieldError("email")}
          onChange={set("email")}
        />
        <TextInput
          label={t("users.name")}
          value={form.displayName}
          required
          maxLength={200}
          error={action.fieldError("displayName")}
          onChange={set("displayName")}
        />
      </div>
      <TextInput
        type="password"
        label={t("users.password")}
        hint={t("users.password_hint")}
        value={form.password}
        required
        minLength={12}
        autoComplete="new-password"
        error={action.fieldError("password")}
        onChange={set("password")}
      />
      <div className="field-row">
        <Select
          label={t("users.agency")}
          choices={agencyChoices(t, props.agencies)}
          placeholder={t("common.choose")}
          value={form.agencyId}
          required
          error={action.fieldError("agencyId")}
          onChange={set("agencyId")}
        />
        <Select
          label={t("users.role")}
          choices={ROLES.map((r) => ({ value: r, label: labelFor(t, "role", r) }))}
          placeholder={t("common.choose")}
          value={form.role}
          required
          error={action.fieldError("role")}
          onChange={set("role")}
        />
      </div>
      <Button type="submit" disabled={action.busy}>
        {t("users.create")}
      </Button>
    </ActionForm>
  );
}
