import { useState } from "react";
import { CERTIFICATION_KIND_IDS } from "../../../domain/coordination/rapid-assessment-team.ts";
import { api } from "../../api/client.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { Select, TextInput } from "../../ui/Field.tsx";
import { ActionForm, useAction } from "../actions.tsx";
import { labelFor } from "../labels.ts";

const FIELDS = ["kind", "issuedOn", "expiresOn", "reference"];

/** Records a certification as the board or the Attorney General issued it (dates inclusive). */
export function RecordCertificationForm(props: { userId: string; onRecorded(): void }) {
  const { t } = useI18n();
  const action = useAction();
  const [form, setForm] = useState({ kind: "", issuedOn: "", expiresOn: "", reference: "" });
  const [recorded, setRecorded] = useState(false);
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [field]: e.target.value });
  const submit = async () => {
    setRecorded(false);
    const { reference, ...rest } = form;
    const url = `/api/v1/users/${encodeURIComponent(props.userId)}/certifications`;
    const done = await action.run(() =>
      api.post(url, { ...rest, ...(reference.trim() ? { reference: reference.trim() } : {}) }),
    );
    if (done) {
      setRecorded(true);
      props.onRecorded();
    }
  };
  return (
    <ActionForm action={action} fields={FIELDS} onSubmit={submit} label={t("certs.record")}>
      <h2>{t("certs.record")}</h2>
      {recorded ? <Alert tone="success">{t("certs.recorded")}</Alert> : null}
      <Select
        label={t("certs.kind")}
        choices={CERTIFICATION_KIND_IDS.map((k) => ({
          value: k,
          label: labelFor(t, "certification", k),
        }))}
        placeholder={t("common.choose")}
        value={form.kind}
        required
        error={action.fieldError("kind")}
        onChange={set("kind")}
      />
      <div className="field-row">
        <TextInput
          type="date"
          label={t("certs.issued_on")}
          value={form.issuedOn}
          required
          error={action.fieldError("issuedOn")}
          onChange={set("issuedOn")}
        />
        <TextInput
          type="date"
          label={t("certs.expires_on")}
          value={form.expiresOn}
          required
          error={action.fieldError("expiresOn")}
          onChange={set("expiresOn")}
        />
      </div>
      <TextInput
        label={`${t("certs.reference")} ${t("common.optional")}`}
        value={form.reference}
        maxLength={100}
        error={action.fieldError("reference")}
        onChange={set("reference")}
      />
      <Button type="submit" disabled={action.busy}>
        {t("certs.record")}
      </Button>
    </ActionForm>
  );
}
