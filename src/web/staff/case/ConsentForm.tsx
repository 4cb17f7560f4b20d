import { useState } from "react";
import type { CasePerson } from "../../../contract/cases/replies.ts";
import { mayGiveConsent } from "../../../domain/consent.ts";
import { CONSENT_CATEGORIES } from "../../../domain/roles.ts";
import { api } from "../../api/client.ts";
import { endOfDayInMississippi } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Button } from "../../ui/Button.tsx";
import { Checkbox, RadioGroup, Select, TextArea, TextInput } from "../../ui/Field.tsx";
import { ActionForm, useAction } from "../actions.tsx";
import { agencyChoices, useAgencies } from "../agencies.ts";
import { labelFor } from "../labels.ts";
import { personChoices } from "./people.ts";

const FIELDS = ["recipientAgencyId", "givenByPersonId", "purpose", "expiresAt"];
const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Who besides the person may give their consent, by the one rule the server applies
 * (src/domain/consent.ts): for a child, a non-offending family member on the case; for an
 * adult, no one. Each person is offered once, judged on every part they have on the case.
 */
function eligibleGivers(persons: readonly CasePerson[], subjectId: string): CasePerson[] {
  const subject = persons.find((p) => p.id === subjectId);
  if (!subject) return [];
  const seen = new Set<string>([subjectId]);
  return persons.filter((p) => {
    if (seen.has(p.id)) return false;
    seen.add(p.id);
    const giverParts = persons.filter((q) => q.id === p.id).map((q) => q.part);
    return mayGiveConsent({ self: false, subjectAgeYears: subject.ageYears, giverParts });
  });
}

/**
 * Records a consent: who receives what, why, on which form, until when (a year at most). The
 * categories are the ones the server knows (`case_notes` opens confidential notes to the
 * recipient; `identity` lets a referral carry the name).
 */
export function ConsentForm(props: {
  held: CasePerson[];
  persons: CasePerson[];
  onRecorded(): void;
  /** Pre-filled from the step that needs the consent (a referral's person, recipient, name). */
  initial?: { personId: string; recipientAgencyId: string; categories: string[]; purpose: string };
}) {
  const { t } = useI18n();
  const action = useAction();
  const [agencies] = useAgencies();
  const [personId, setPersonId] = useState(props.initial?.personId ?? props.held[0]?.id ?? "");
  const [givenBy, setGivenBy] = useState("");
  const [recipientAgencyId, setRecipient] = useState(props.initial?.recipientAgencyId ?? "");
  const [categories, setCategories] = useState<Set<string>>(
    new Set(props.initial?.categories ?? []),
  );
  const [purpose, setPurpose] = useState(props.initial?.purpose ?? "");
  const [form, setForm] = useState("signed_form");
  const [expiresOn, setExpiresOn] = useState("");
  const givers = eligibleGivers(props.persons, personId);
  // A giver chosen for another person may not be eligible for this one: fall back to the person.
  const giver = givers.some((p) => p.id === givenBy) ? givenBy : "";
  const submit = async () => {
    const url = `/api/v1/persons/${encodeURIComponent(personId)}/consents`;
    const done = await action.run(() =>
      api.post(url, {
        recipientAgencyId,
        givenByPersonId: giver || personId,
        categories: CONSENT_CATEGORIES.filter((c) => categories.has(c)),
        purpose,
        form,
        expiresAt: endOfDayInMississippi(expiresOn),
      }),
    );
    if (done) {
      setCategories(new Set());
      setPurpose("");
      props.onRecorded();
    }
  };
  const toggle = (category: string, on: boolean) => {
    const next = new Set(categories);
    if (on) next.add(category);
    else next.delete(category);
    setCategories(next);
  };
  return (
    <ActionForm action={action} fields={FIELDS} onSubmit={submit} label={t("consent.add")}>
      <h3>{t("consent.add")}</h3>
      <Select
        label={t("consent.person")}
        choices={personChoices(t, props.held)}
        value={personId}
        required
        onChange={(e) => setPersonId(e.target.value)}
      />
      <Select
        label={t("consent.given_by")}
        hint={t("consent.given_by_hint")}
        choices={personChoices(t, givers)}
        placeholder={t("consent.given_by_self")}
        value={giver}
        error={action.fieldError("givenByPersonId")}
        onChange={(e) => setGivenBy(e.target.value)}
      />
      <Select
        label={t("consent.recipient")}
        choices={agencies.state === "ready" ? agencyChoices(t, agencies.data.agencies) : []}
        placeholder={t("common.choose")}
        value={recipientAgencyId}
        required
        error={action.fieldError("recipientAgencyId")}
        onChange={(e) => setRecipient(e.target.value)}
      />
      <fieldset className="field checkbox-group">
        <legend>{t("consent.categories")}</legend>
        {CONSENT_CATEGORIES.map((c) => (
          <Checkbox
            key={c}
            label={labelFor(t, "consent_category", c)}
            checked={categories.has(c)}
            onChange={(on) => toggle(c, on)}
          />
        ))}
      </fieldset>
      <TextArea
        label={t("consent.purpose")}
        hint={t("consent.purpose_hint")}
        value={purpose}
        required
        minLength={5}
        maxLength={500}
        error={action.fieldError("purpose")}
        onChange={(e) => setPurpose(e.target.value)}
      />
      <RadioGroup
        name="consent-form"
        label={t("consent.form")}
        choices={["signed_form", "attested"].map((f) => ({
          value: f,
          label: labelFor(t, "consent_form", f),
        }))}
        value={form}
        onChange={setForm}
      />
      <TextInput
        type="date"
        label={t("consent.expires")}
        hint={t("consent.expires_hint")}
        min={isoDay(Date.now() + DAY_MS)}
        max={isoDay(Date.now() + 365 * DAY_MS)}
        value={expiresOn}
        required
        error={action.fieldError("expiresAt")}
        onChange={(e) => setExpiresOn(e.target.value)}
      />
      <Button type="submit" disabled={action.busy || categories.size === 0}>
        {t("consent.save")}
      </Button>
    </ActionForm>
  );
}
