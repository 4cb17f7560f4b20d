import { type FormEvent, useState } from "react";
import { DETERMINATIONS } from "../../../domain/assessment/vocabulary.ts";
import { MISSISSIPPI_COUNTIES } from "../../../domain/counties.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Button } from "../../ui/Button.tsx";
import { Checkbox, Select, TextInput } from "../../ui/Field.tsx";
import { determinationLabel } from "../labels.ts";

/** What the caseload asks for: the search and the filters, as query-string values. */
export interface CaseloadCriteria {
  caseNumber: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  status: string;
  countyFips: string;
  determination: string;
  assignedToMe: boolean;
  overdue: boolean;
  ratNotFormed: boolean;
}

export const NO_CRITERIA: CaseloadCriteria = {
  caseNumber: "",
  givenName: "",
  familyName: "",
  birthDate: "",
  status: "",
  countyFips: "",
  determination: "",
  assignedToMe: false,
  overdue: false,
  ratNotFormed: false,
};

/** The query string GET /api/v1/cases takes for these criteria (empty fields left out). */
export function criteriaQuery(c: CaseloadCriteria): URLSearchParams {
  const q = new URLSearchParams();
  for (const key of ["caseNumber", "status", "countyFips", "determination"] as const)
    if (c[key].trim()) q.set(key, c[key].trim());
  if (c.givenName.trim() && c.familyName.trim() && c.birthDate) {
    q.set("givenName", c.givenName.trim());
    q.set("familyName", c.familyName.trim());
    q.set("birthDate", c.birthDate);
  }
  for (const key of ["assignedToMe", "overdue", "ratNotFormed"] as const)
    if (c[key]) q.set(key, "true");
  return q;
}

/** The search box and filters; `onSearch` receives the criteria once they make sense. */
export function CaseloadSearch(props: { onSearch(c: CaseloadCriteria): void }) {
  const { t, lang } = useI18n();
  const [c, setC] = useState<CaseloadCriteria>(NO_CRITERIA);
  const [personError, setPersonError] = useState<string | null>(null);
  const set = <K extends keyof CaseloadCriteria>(k: K, v: CaseloadCriteria[K]) =>
    setC((old) => ({ ...old, [k]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const person = [c.givenName.trim(), c.familyName.trim(), c.birthDate];
    const some = person.some(Boolean);
    if (some && !person.every(Boolean)) {
      setPersonError(t("caseload.person_incomplete"));
      return;
    }
    setPersonError(null);
    props.onSearch(c);
  };
  const clear = () => {
    setC(NO_CRITERIA);
    setPersonError(null);
    props.onSearch(NO_CRITERIA);
  };
  return (
    <form className="caseload-search" onSubmit={submit} aria-label={t("caseload.search_title")}>
      <fieldset>
        <legend>{t("caseload.search_title")}</legend>
        <TextInput
          label={t("caseload.case_number")}
          hint={t("caseload.case_number_hint")}
          value={c.caseNumber}
          onChange={(e) => set("caseNumber", e.target.value)}
          autoComplete="off"
        />
        <p className="caseload-or">{t("caseload.or_person")}</p>
        <div className="caseload-person">
          <TextInput
            label={t("caseload.given_name")}
            value={c.givenName}
            onChange={(e) => set("givenName", e.target.value)}
            autoComplete="off"
          />
          <TextInput
            label={t("caseload.family_name")}
            value={c.familyName}
            onChange={(e) => set("familyName", e.target.value)}
            autoComplete="off"
          />
          <TextInput
            label={t("caseload.birth_date")}
            type="date"
            value={c.birthDate}
            error={personError}
            onChange={(e) => set("birthDate", e.target.value)}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t("caseload.filters_title")}</legend>
        <div className="caseload-filters">
          <Select
            label={t("caseload.status")}
            placeholder={t("caseload.any")}
            value={c.status}
            onChange={(e) => set("status", e.target.value)}
            choices={[
              { value: "open", label: t("status.open") },
              { value: "closed", label: t("status.closed") },
            ]}
          />
          <Select
            label={t("caseload.county")}
            placeholder={t("caseload.any")}
            value={c.countyFips}
            onChange={(e) => set("countyFips", e.target.value)}
            choices={MISSISSIPPI_COUNTIES.map((k) => ({ value: k.fips, label: k.name }))}
          />
          <Select
            label={t("caseload.determination")}
            placeholder={t("caseload.any")}
            value={c.determination}
            onChange={(e) => set("determination", e.target.value)}
            choices={DETERMINATIONS.map((d) => ({ value: d, label: determinationLabel(lang, d) }))}
          />
        </div>
        <Checkbox
          label={t("caseload.assigned_to_me")}
          checked={c.assignedToMe}
          onChange={(v) => set("assignedToMe", v)}
        />
        <Checkbox
          label={t("caseload.overdue")}
          checked={c.overdue}
          onChange={(v) => set("overdue", v)}
        />
        <Checkbox
          label={t("caseload.rat_not_formed")}
          checked={c.ratNotFormed}
          onChange={(v) => set("ratNotFormed", v)}
        />
      </fieldset>
      <div className="actions">
        <Button type="submit">{t("caseload.search")}</Button>
        <Button variant="secondary" onClick={clear}>
          {t("caseload.clear")}
        </Button>
      </div>
    </form>
  );
}
