import { CITIZENSHIPS, PERSON_PARTS } from "../../../domain/catalogues.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Button } from "../../ui/Button.tsx";
import { Checkbox, Select, TextInput } from "../../ui/Field.tsx";
import { labelFor } from "../labels.ts";

/** One person as the intake form holds them: strings as typed, converted when sent. */
export interface PersonDraft {
  key: number;
  part: string;
  givenName: string;
  familyName: string;
  ageYears: string;
  birthDate: string;
  gender: string;
  citizenship: string;
  language: string;
  placement: string;
  phone: string;
  phoneNotSafe: boolean;
  email: string;
  emailNotSafe: boolean;
  nonOffending: boolean;
}

export const emptyPerson = (key: number, part = "victim"): PersonDraft => ({
  key,
  part,
  givenName: "",
  familyName: "",
  ageYears: "",
  birthDate: "",
  gender: "",
  citizenship: "",
  language: "",
  placement: "",
  phone: "",
  phoneNotSafe: false,
  email: "",
  emailNotSafe: false,
  nonOffending: false,
});

/** The person as POST /api/v1/cases takes them: only what was filled in. */
export function personForApi(p: PersonDraft): Record<string, unknown> {
  const out: Record<string, unknown> = { part: p.part };
  if (p.givenName.trim()) out.givenName = p.givenName.trim();
  if (p.familyName.trim()) out.familyName = p.familyName.trim();
  if (p.ageYears.trim()) out.ageYears = Number(p.ageYears);
  if (p.birthDate) out.birthDate = p.birthDate;
  if (p.gender.trim()) out.gender = p.gender.trim();
  if (p.citizenship) out.citizenship = p.citizenship;
  if (p.language.trim()) out.language = p.language.trim();
  if (p.placement.trim()) out.placement = p.placement.trim();
  const contacts = [
    ...(p.phone.trim()
      ? [{ kind: "phone", value: p.phone.trim(), safeToContact: !p.phoneNotSafe }]
      : []),
    ...(p.email.trim()
      ? [{ kind: "email", value: p.email.trim(), safeToContact: !p.emailNotSafe }]
      : []),
  ];
  if (contacts.length > 0) out.contacts = contacts;
  if (p.part === "guardian") out.nonOffending = p.nonOffending;
  return out;
}

export function PersonFields(props: {
  person: PersonDraft;
  index: number;
  /** The problem with one of this person's fields (`ageYears`, `birthDate`, …), if any. */
  errorOf(field: string): string | null;
  onChange(person: PersonDraft): void;
  /** Absent where the form cannot drop the person (a person already on a case). */
  onRemove?(): void;
  /** The fieldset's legend; "Person n" by default (the intake form's list). */
  legend?: string;
  /** The part is not changed here (a person on a case keeps the part they were recorded in). */
  partFixed?: boolean;
}) {
  const { t } = useI18n();
  const { person } = props;
  const set = (field: keyof PersonDraft) => (e: { target: { value: string } }) =>
    props.onChange({ ...person, [field]: e.target.value });
  return (
    <fieldset className="person-fields">
      <legend>{props.legend ?? t("intake.person_n", { n: props.index + 1 })}</legend>
      {props.partFixed ? null : (
        <Select
          label={t("intake.part")}
          choices={PERSON_PARTS.map((p) => ({ value: p, label: labelFor(t, "part", p) }))}
          value={person.part}
          onChange={set("part")}
        />
      )}
      <div className="field-row">
        <TextInput
          label={t("identity.givenName")}
          autoComplete="off"
          error={props.errorOf("givenName")}
          value={person.givenName}
          onChange={set("givenName")}
        />
        <TextInput
          label={t("identity.familyName")}
          autoComplete="off"
          error={props.errorOf("familyName")}
          value={person.familyName}
          onChange={set("familyName")}
        />
      </div>
      <div className="field-row">
        <TextInput
          label={t("intake.age")}
          inputMode="numeric"
          autoComplete="off"
          error={props.errorOf("ageYears")}
          value={person.ageYears}
          onChange={set("ageYears")}
        />
        <TextInput
          type="date"
          label={t("identity.birthDate")}
          autoComplete="off"
          error={props.errorOf("birthDate")}
          value={person.birthDate}
          onChange={set("birthDate")}
        />
      </div>
      <div className="field-row">
        <TextInput
          label={t("intake.gender")}
          autoComplete="off"
          error={props.errorOf("gender")}
          value={person.gender}
          onChange={set("gender")}
        />
      </div>
      <Select
        label={t("intake.citizenship")}
        placeholder={t("common.unknown")}
        choices={CITIZENSHIPS.map((c) => ({ value: c, label: labelFor(t, "citizenship", c) }))}
        error={props.errorOf("citizenship")}
        value={person.citizenship}
        onChange={set("citizenship")}
      />
      <div className="field-row">
        <TextInput
          label={t("person.language")}
          autoComplete="off"
          error={props.errorOf("language")}
          value={person.language}
          onChange={set("language")}
        />
        <TextInput
          label={t("person.placement")}
          autoComplete="off"
          error={props.errorOf("placement")}
          value={person.placement}
          onChange={set("placement")}
        />
      </div>
      <div className="field-row">
        <TextInput
          type="tel"
          label={t("person.phone")}
          autoComplete="off"
          error={props.errorOf("contacts.0.value")}
          value={person.phone}
          onChange={set("phone")}
        />
        <TextInput
          type="email"
          label={t("person.email")}
          autoComplete="off"
          error={props.errorOf(person.phone.trim() ? "contacts.1.value" : "contacts.0.value")}
          value={person.email}
          onChange={set("email")}
        />
      </div>
      {person.phone.trim() ? (
        <Checkbox
          label={`${t("person.phone")}: ${t("person.not_safe")}`}
          checked={person.phoneNotSafe}
          onChange={(v) => props.onChange({ ...person, phoneNotSafe: v })}
        />
      ) : null}
      {person.email.trim() ? (
        <Checkbox
          label={`${t("person.email")}: ${t("person.not_safe")}`}
          checked={person.emailNotSafe}
          onChange={(v) => props.onChange({ ...person, emailNotSafe: v })}
        />
      ) : null}
      {person.part === "guardian" ? (
        <Checkbox
          label={t("person.non_offending")}
          error={props.errorOf("nonOffending")}
          checked={person.nonOffending}
          onChange={(v) => props.onChange({ ...person, nonOffending: v })}
        />
      ) : null}
      {props.onRemove ? (
        <Button variant="link" onClick={props.onRemove}>
          {t("intake.remove_person", { n: props.index + 1 })}
        </Button>
      ) : null}
    </fieldset>
  );
}
