import { useState } from "react";
import type { Agency, RoleGrants } from "../../../contract/accounts/replies.ts";
import type { Role } from "../../../domain/roles.ts";
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
 * Creates an account in an agency the administrator manages. The agencies and, for the one
 * chosen, the roles offered are the server's answer (GET /api/v1/role-grants), so an agency
 * administrator is never offered a role only a system administrator gives. The server still
 * checks every request, and the password (length, common passwords).
 */
export function CreateUserForm(props: {
  agencies: Agency[];
  grants: RoleGrants[];
  onCreated(): void;
}) {
  const { t } = useI18n();
  const action = useAction({ messages: { conflict: "users.exists" } });
  const [form, setForm] = useState(EMPTY);
  const [created, setCreated] = useState<string | null>(null);
  const set = (field: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setForm({ ...form, [field]: e.target.value });
  const grantable = new Set(props.grants.map((g) => g.agencyId));
  const agencies = props.agencies.filter((a) => grantable.has(a.id));
  const roles = props.grants.find((g) => g.agencyId === form.agencyId)?.roles ?? [];
  const chooseAgency = (e: { target: { value: string } }) => {
    const next = props.grants.find((g) => g.agencyId === e.target.value)?.roles ?? [];
    // A role the new agency cannot have is cleared rather than sent and refused.
    const role = next.includes(form.role as Role) ? form.role : "";
    setForm({ ...form, agencyId: e.target.value, role });
  };
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
          choices={agencyChoices(t, agencies)}
          placeholder={t("common.choose")}
          value={form.agencyId}
          required
          error={action.fieldError("agencyId")}
          onChange={chooseAgency}
        />
        <Select
          label={t("users.role")}
          choices={roles.map((r) => ({ value: r, label: labelFor(t, "role", r) }))}
          placeholder={t(form.agencyId ? "common.choose" : "users.role_after_agency")}
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
