import { useState } from "react";
import type { CaseDetail } from "../../../../contract/cases/replies.ts";
import { STATUTORY_BASES } from "../../../../domain/coordination/referral.ts";
import { api } from "../../../api/client.ts";
import { useI18n } from "../../../i18n/i18n.tsx";
import { Button } from "../../../ui/Button.tsx";
import { Checkbox, Select, TextInput } from "../../../ui/Field.tsx";
import { ActionForm, useAction } from "../../actions.tsx";
import { agencyChoices, useAgencies } from "../../agencies.ts";
import { labelFor } from "../../labels.ts";
import { personChoices, victimsOf } from "../people.ts";
import { DomainSelect } from "../plans/DomainSelect.tsx";
import { ConsentStep } from "./ConsentStep.tsx";

const FIELDS = ["personId", "toAgencyId", "domain", "service", "disclosesIdentity"];

/**
 * Sends a referral. The person's name goes with it only when "share identity" is ticked, and
 * then only under their written consent or a statute; the server checks which and refuses
 * (422 consent_required) otherwise; that refusal is shown beside the checkbox in plain words,
 * with the consent step below the form (who records the consent; for them, the form itself).
 */
export function ReferralForm(props: { detail: CaseDetail; onSent(): void; onCancel(): void }) {
  const { t } = useI18n();
  const action = useAction();
  const [agencies] = useAgencies();
  const people = victimsOf(props.detail.persons).length
    ? victimsOf(props.detail.persons)
    : props.detail.persons;
  const [form, setForm] = useState({
    personId: people[0]?.id ?? "",
    toAgencyId: "",
    domain: "",
    service: "",
    statutoryBasis: "",
  });
  const [disclosesIdentity, setDisclosesIdentity] = useState(false);
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [field]: e.target.value });
  const submit = async () => {
    const { statutoryBasis, ...rest } = form;
    const body = {
      ...rest,
      disclosesIdentity,
      ...(disclosesIdentity && statutoryBasis ? { statutoryBasis } : {}),
    };
    const done = await action.run(() =>
      api.post(`/api/v1/cases/${encodeURIComponent(props.detail.id)}/referrals`, body),
    );
    if (done) props.onSent();
  };
  // Refused for want of consent: say who records it and, for that advocate, offer the form.
  const needsConsent =
    disclosesIdentity &&
    action.failure?.kind === "refused" &&
    action.failure.code === "consent_required";
  return (
    <>
      <ActionForm action={action} fields={FIELDS} onSubmit={submit} label={t("referral.new")}>
        <h3>{t("referral.new")}</h3>
        <Select
          label={t("referral.person")}
          choices={personChoices(t, people)}
          value={form.personId}
          required
          error={action.fieldError("personId")}
          onChange={set("personId")}
        />
        <Select
          label={t("referral.to_agency")}
          choices={agencies.state === "ready" ? agencyChoices(t, agencies.data.agencies) : []}
          placeholder={t("common.choose")}
          value={form.toAgencyId}
          required
          error={action.fieldError("toAgencyId")}
          onChange={set("toAgencyId")}
        />
        <div className="field-row">
          <DomainSelect
            value={form.domain}
            error={action.fieldError("domain")}
            onChange={set("domain")}
          />
          <TextInput
            label={t("plan.service")}
            hint={t("referral.service_hint")}
            value={form.service}
            required
            maxLength={200}
            error={action.fieldError("service")}
            onChange={set("service")}
          />
        </div>
        <Checkbox
          label={t("referral.share_identity")}
          hint={t("referral.share_identity_hint")}
          checked={disclosesIdentity}
          onChange={setDisclosesIdentity}
          error={action.fieldError("disclosesIdentity")}
        />
        {disclosesIdentity ? (
          <Select
            label={t("referral.basis")}
            hint={t("referral.basis_hint")}
            choices={Object.entries(STATUTORY_BASES).map(([id, basis]) => ({
              value: id,
              label: `${labelFor(t, "statutory_basis", id)} (${basis.citation})`,
            }))}
            placeholder={t("referral.basis_consent")}
            value={form.statutoryBasis}
            onChange={set("statutoryBasis")}
          />
        ) : null}
        <div className="actions">
          <Button type="submit" disabled={action.busy}>
            {t("referral.send")}
          </Button>
          <Button variant="secondary" onClick={props.onCancel}>
            {t("common.cancel")}
          </Button>
        </div>
      </ActionForm>
      {needsConsent && form.personId && form.toAgencyId ? (
        <ConsentStep
          key={`${form.personId}-${form.toAgencyId}`}
          detail={props.detail}
          personId={form.personId}
          recipientAgencyId={form.toAgencyId}
        />
      ) : null}
    </>
  );
}
