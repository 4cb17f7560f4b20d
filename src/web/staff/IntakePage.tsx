import { type FormEvent, useEffect, useRef, useState } from "react";
import type { Reply } from "../../contract/common.ts";
import type { IntakeReply } from "../../contract/intake/replies.ts";
import type { County, referenceReplies } from "../../contract/reference/replies.ts";
import { CASE_SOURCES, VENUES } from "../../domain/catalogues.ts";
import { intakeProblems } from "../../domain/consistency.ts";
import { localDate } from "../../domain/time.ts";
import { ApiError, api } from "../api/client.ts";
import { CurrentQuestion } from "../assessment/CurrentQuestion.tsx";
import { ScreeningError } from "../assessment/ScreeningError.tsx";
import { useScreening } from "../assessment/useScreening.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { navigate } from "../router.ts";
import { Alert } from "../ui/Alert.tsx";
import { Button } from "../ui/Button.tsx";
import { Select, TextArea } from "../ui/Field.tsx";
import { Page } from "../ui/Page.tsx";
import { consistencyMessage, focusFirstInvalid, plainProblem } from "./field-problems.ts";
import { LiveAssessment } from "./intake/LiveAssessment.tsx";
import {
  emptyPerson,
  type PersonDraft,
  PersonFields,
  personForApi,
} from "./intake/PersonFields.tsx";
import { labelFor } from "./labels.ts";

type Stage = "screening" | "details";

/**
 * Intake: the screening questions with the server's live determination beside them, then the
 * people, county and source; creates the case (POST /api/v1/cases, with the facts the server
 * derived from the answers) and opens it. The server assesses again and starts the clocks.
 */
export default function IntakePage() {
  const { t, lang } = useI18n();
  const s = useScreening(lang, { anonymous: false });
  const [stage, setStage] = useState<Stage>("screening");
  const [counties, setCounties] = useState<County[]>([]);
  const [county, setCounty] = useState("");
  const [source, setSource] = useState("");
  const [venue, setVenue] = useState("");
  const [narrative, setNarrative] = useState("");
  const [persons, setPersons] = useState<PersonDraft[]>([emptyPerson(0)]);
  const [nextKey, setNextKey] = useState(1);
  /** Problems by the field the server names (`source`, `persons.0.ageYears`), shown beside it. */
  const [errors, setErrors] = useState<Record<string, string>>({});
  const form = useRef<HTMLFormElement>(null);
  // New problems move focus to the first field at fault, so its message is read with it.
  useEffect(() => {
    if (Object.keys(errors).length > 0) focusFirstInvalid(form.current);
  }, [errors]);
  /** Editing a field clears its problem: a stale message never lingers. */
  const clearError = (field: string) =>
    setErrors((all) => {
      if (!(field in all)) return all;
      const { [field]: _, ...rest } = all;
      return rest;
    });
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api
      .get<Reply<typeof referenceReplies.counties>>("/api/v1/reference/counties")
      .then((r) => setCounties(r.counties))
      .catch(() => setFailure(t("error.load")));
  }, [t]);
  const start = s.start;
  // biome-ignore lint/correctness/useExhaustiveDependencies: start once, when the page opens
  useEffect(() => {
    void start();
  }, []);

  const validate = (): Record<string, string> => {
    const found: Record<string, string> = {};
    if (!source) found.source = t("intake.error.source");
    persons.forEach((p, i) => {
      const age = p.ageYears.trim();
      if (age && !/^\d{1,3}$/.test(age)) found[`persons.${i}.ageYears`] = t("intake.error.age");
    });
    if (Object.keys(found).length > 0) return found;
    // The same checks the server makes (domain/consistency), asked first in the reader's language.
    const people = persons.map((p) => ({
      part: p.part,
      ...(p.ageYears.trim() ? { ageYears: Number(p.ageYears) } : {}),
      ...(p.birthDate ? { birthDate: p.birthDate } : {}),
    }));
    for (const p of intakeProblems(people, s.step?.facts.subject, localDate(new Date())))
      found[p.field] ??= consistencyMessage(t, p);
    return found;
  };

  const create = async (e: FormEvent) => {
    e.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0 || !s.step) return;
    setBusy(true);
    setFailure(null);
    try {
      const reply = await api.post<IntakeReply>("/api/v1/cases", {
        source,
        ...(county ? { countyFips: county } : {}),
        ...(venue ? { venue } : {}),
        ...(narrative.trim() ? { narrative: narrative.trim() } : {}),
        persons: persons.map(personForApi),
        facts: s.step.facts,
      });
      navigate(`/cases/${encodeURIComponent(reply.caseId)}?created=1`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.field && fieldShown(err.field))
        setErrors({ [err.field]: plainProblem(t, err) });
      else
        setFailure(
          err instanceof ApiError && err.status === 403
            ? t("error.forbidden")
            : err instanceof ApiError && err.status === 400
              ? t("intake.error.invalid", { detail: plainProblem(t, err) })
              : t("intake.error.failed"),
        );
    } finally {
      setBusy(false);
    }
  };

  /** Whether the form shows this field (a problem elsewhere is said at the top). */
  const fieldShown = (field: string) =>
    ["source", "countyFips", "venue", "narrative"].includes(field) ||
    /^persons\.\d+\.(givenName|familyName|ageYears|birthDate|gender|citizenship|language|placement|nonOffending|contacts\.[01]\.value)$/.test(
      field,
    );

  const q = s.questionnaire;
  return (
    <Page title={t("intake.title")} lead={t("intake.lead")}>
      <ol className="wizard-steps" aria-label={t("intake.steps")}>
        <li aria-current={stage === "screening" ? "step" : undefined}>
          {t("intake.step.screening")}
        </li>
        <li aria-current={stage === "details" ? "step" : undefined}>{t("intake.step.details")}</li>
      </ol>
      <ScreeningError error={s.error} />
      <div className="intake-layout">
        <div className="intake-main">
          {stage === "screening" && q && s.step ? (
            <>
              {s.current && !s.finished ? (
                <CurrentQuestion screening={s} />
              ) : (
                <Alert tone="success">{t("intake.screening_done")}</Alert>
              )}
              <p>
                <Button
                  variant={s.current && !s.finished ? "secondary" : "primary"}
                  onClick={() => setStage("details")}
                  disabled={s.busy}
                >
                  {t("intake.to_details")}
                </Button>
              </p>
            </>
          ) : null}
          {stage === "details" ? (
            <form ref={form} onSubmit={(e) => void create(e)} noValidate autoComplete="off">
              {failure ? <Alert tone="error">{failure}</Alert> : null}
              <Select
                label={t("intake.source")}
                placeholder={t("intake.choose")}
                error={errors.source ?? null}
                required
                choices={CASE_SOURCES.map((c) => ({ value: c, label: labelFor(t, "source", c) }))}
                value={source}
                onChange={(e) => {
                  setSource(e.target.value);
                  clearError("source");
                }}
              />
              <Select
                label={t("tip.county")}
                placeholder={t("tip.county_unknown")}
                choices={counties.map((c) => ({ value: c.fips, label: c.name }))}
                value={county}
                error={errors.countyFips ?? null}
                onChange={(e) => {
                  setCounty(e.target.value);
                  clearError("countyFips");
                }}
              />
              <Select
                label={t("tip.venue")}
                placeholder={t("tip.venue_unknown")}
                choices={VENUES.map((v) => ({ value: v, label: labelFor(t, "venue", v) }))}
                value={venue}
                error={errors.venue ?? null}
                onChange={(e) => {
                  setVenue(e.target.value);
                  clearError("venue");
                }}
              />
              <TextArea
                label={t("person.narrative")}
                hint={t("person.narrative_hint")}
                maxLength={10000}
                value={narrative}
                error={errors.narrative ?? null}
                onChange={(e) => {
                  setNarrative(e.target.value);
                  clearError("narrative");
                }}
              />
              <h2>{t("intake.people")}</h2>
              {persons.map((p, i) => (
                <PersonFields
                  key={p.key}
                  person={p}
                  index={i}
                  errorOf={(field) => errors[`persons.${i}.${field}`] ?? null}
                  onChange={(next) => {
                    for (const f of Object.keys(next) as (keyof PersonDraft)[])
                      if (next[f] !== p[f]) clearError(`persons.${i}.${f}`);
                    setPersons(persons.map((x) => (x.key === p.key ? next : x)));
                  }}
                  onRemove={() => setPersons(persons.filter((x) => x.key !== p.key))}
                />
              ))}
              <p>
                <Button
                  variant="secondary"
                  onClick={() => {
                    setPersons([...persons, emptyPerson(nextKey, "suspected_trafficker")]);
                    setNextKey(nextKey + 1);
                  }}
                >
                  {t("intake.add_person")}
                </Button>
              </p>
              <div className="actions">
                <Button type="submit" disabled={busy || !s.step}>
                  {t("intake.create")}
                </Button>
                <Button variant="secondary" onClick={() => setStage("screening")}>
                  {t("intake.back_to_screening")}
                </Button>
              </div>
            </form>
          ) : null}
        </div>
        {s.step ? <LiveAssessment assessment={s.step.assessment} /> : null}
      </div>
    </Page>
  );
}
