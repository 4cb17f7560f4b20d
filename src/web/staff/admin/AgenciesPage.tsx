import { useState } from "react";
import { AGENCY_KINDS } from "../../../domain/catalogues.ts";
import { MISSISSIPPI_COUNTIES } from "../../../domain/counties.ts";
import { api } from "../../api/client.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { DataTable } from "../../ui/DataTable.tsx";
import { Select, TextInput } from "../../ui/Field.tsx";
import { Page } from "../../ui/Page.tsx";
import { ActionForm, Gate, useAction } from "../actions.tsx";
import { useAgencies } from "../agencies.ts";
import { countyName, labelFor } from "../labels.ts";
import { useSession } from "../session.tsx";

/** The agency directory; system administrators add agencies (CPS offices route by county). */
export default function AgenciesPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const [loaded, reload] = useAgencies();
  const cols = [t("agencies.name"), t("agencies.kind"), t("case.county")];
  return (
    <Page title={t("agencies.title")}>
      <Gate loaded={loaded}>
        {({ agencies }) => (
          <DataTable caption={t("agencies.title")} columns={cols}>
            {agencies.map((a) => (
              <tr key={a.id}>
                <td data-label={cols[0]}>{a.name}</td>
                <td data-label={cols[1]}>{labelFor(t, "agency_kind", a.kind)}</td>
                <td data-label={cols[2]}>{countyName(a.countyFips)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Gate>
      {me.abilities.createAgencies ? <CreateAgencyForm onCreated={reload} /> : null}
    </Page>
  );
}

function CreateAgencyForm(props: { onCreated(): void }) {
  const { t } = useI18n();
  const action = useAction();
  const [name, setName] = useState("");
  const [kind, setKind] = useState("");
  const [countyFips, setCounty] = useState("");
  const [created, setCreated] = useState<string | null>(null);
  const submit = async () => {
    setCreated(null);
    const done = await action.run(() =>
      api.post("/api/v1/agencies", { name, kind, ...(countyFips ? { countyFips } : {}) }),
    );
    if (done) {
      setCreated(name);
      setName("");
      props.onCreated();
    }
  };
  return (
    <ActionForm
      action={action}
      fields={["name", "kind", "countyFips"]}
      onSubmit={submit}
      label={t("agencies.create")}
    >
      <h2>{t("agencies.create")}</h2>
      {created ? <Alert tone="success">{t("agencies.created", { name: created })}</Alert> : null}
      <TextInput
        label={t("agencies.name")}
        value={name}
        required
        minLength={3}
        maxLength={200}
        error={action.fieldError("name")}
        onChange={(e) => setName(e.target.value)}
      />
      <div className="field-row">
        <Select
          label={t("agencies.kind")}
          choices={AGENCY_KINDS.map((k) => ({ value: k, label: labelFor(t, "agency_kind", k) }))}
          placeholder={t("common.choose")}
          value={kind}
          required
          error={action.fieldError("kind")}
          onChange={(e) => setKind(e.target.value)}
        />
        <Select
          label={`${t("case.county")} ${t("common.optional")}`}
          hint={t("agencies.county_hint")}
          choices={MISSISSIPPI_COUNTIES.map((c) => ({ value: c.fips, label: c.name }))}
          placeholder={t("common.none")}
          value={countyFips}
          error={action.fieldError("countyFips")}
          onChange={(e) => setCounty(e.target.value)}
        />
      </div>
      <Button type="submit" disabled={action.busy}>
        {t("agencies.create")}
      </Button>
    </ActionForm>
  );
}
