import { type FormEvent, useEffect, useRef, useState } from "react";
import type { Questionnaire, ScreeningStep } from "../../contract/assessment/replies.ts";
import type { Reply } from "../../contract/common.ts";
import type { intakeReplies } from "../../contract/intake/replies.ts";
import type { County, referenceReplies } from "../../contract/reference/replies.ts";
import { ACTION_CATALOGUE } from "../../domain/assessment/actions.ts";
import { VENUES } from "../../domain/catalogues.ts";
import { CONTACTS, telHref } from "../../domain/contacts.ts";
import type { Answer } from "../../domain/questionnaire/screening.ts";
import { EMPTY_TIP_FIELD } from "../../domain/tips.ts";
import { ApiError, api } from "../api/client.ts";
import { type UiMessageKey, useI18n } from "../i18n/i18n.tsx";
import { Alert } from "../ui/Alert.tsx";
import { Button } from "../ui/Button.tsx";
import { RadioGroup, Select, TextArea, TextInput } from "../ui/Field.tsx";
import { Page } from "../ui/Page.tsx";

/** The sections whose yes/no questions describe what someone saw (background is about history). */
const SEEN_SECTIONS = new Set(["sex", "work", "control", "signs", "context"]);

const ANONYMOUS = { anonymous: true };

/**
 * The server answers with a receipt code, but nothing lets a sender use it later (no look-up
 * by code), so the page does not show it or promise a later reference: it says the tip arrived.
 */
type Sent = { state: "editing" } | { state: "sending" } | { state: "sent" };

/**
 * An anonymous tip: county, place and what was seen, as structured answers the server turns into
 * facts (POST /api/v1/screening/next), plus the sender's own words and, only if they choose, a
 * way to reach them; both are sent once (POST /api/v1/tips) and kept nowhere in the browser.
 */
export default function TipPage() {
  const { t, lang } = useI18n();
  const [counties, setCounties] = useState<County[]>([]);
  const [questionnaire, setQuestionnaire] = useState<Questionnaire | null>(null);
  const [county, setCounty] = useState("");
  const [venue, setVenue] = useState("");
  const [age, setAge] = useState<string | null>(null);
  const [seen, setSeen] = useState<Set<string>>(new Set());
  const [narrative, setNarrative] = useState("");
  const [reach, setReach] = useState("");
  const [sent, setSent] = useState<Sent>({ state: "editing" });
  const [error, setError] = useState<string | null>(null);
  /** The server's refusal of an empty tip, shown at the words field (its `field`). */
  const [emptyError, setEmptyError] = useState(false);
  const narrativeRef = useRef<HTMLTextAreaElement>(null);

  // Focus moves to the field once its error is on screen, so the message is read with it.
  useEffect(() => {
    if (emptyError) narrativeRef.current?.focus();
  }, [emptyError]);

  useEffect(() => {
    api
      .get<Reply<typeof referenceReplies.counties>>("/api/v1/reference/counties", ANONYMOUS)
      .then((r) => setCounties(r.counties))
      .catch(() => setError(t("tip.error.load")));
  }, [t]);
  useEffect(() => {
    api
      .get<Questionnaire>(`/api/v1/questionnaire?lang=${lang}`, ANONYMOUS)
      .then(setQuestionnaire)
      .catch(() => setError(t("tip.error.load")));
  }, [lang, t]);

  const ageQuestion = questionnaire?.questions.find((q) => q.kind === "age");
  const seenQuestions =
    questionnaire?.questions.filter((q) => q.kind === "yes_no" && SEEN_SECTIONS.has(q.section)) ??
    [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setEmptyError(false);
    setSent({ state: "sending" });
    const answers: Record<string, Answer> = {};
    if (age) answers.age = age;
    for (const id of seen) answers[id] = "yes";
    try {
      const { facts } = await api.post<ScreeningStep>(
        "/api/v1/screening/next",
        { answers },
        ANONYMOUS,
      );
      await api.post<Reply<typeof intakeReplies.tipReceipt>>(
        "/api/v1/tips",
        {
          ...(county ? { countyFips: county } : {}),
          ...(venue ? { venue } : {}),
          ...(narrative.trim() ? { narrative: narrative.trim() } : {}),
          ...(reach.trim().length >= 3 ? { contact: reach.trim() } : {}),
          facts,
        },
        ANONYMOUS,
      );
      setSent({ state: "sent" });
    } catch (err) {
      setSent({ state: "editing" });
      if (err instanceof ApiError && err.status === 400 && err.field === EMPTY_TIP_FIELD)
        setEmptyError(true);
      else
        setError(
          err instanceof ApiError && err.status === 429 ? t("tip.error.busy") : t("tip.error.send"),
        );
    }
  };

  if (sent.state === "sent") {
    return (
      <Page title={t("tip.sent.title")}>
        <Alert tone="success" title={t("tip.sent.thanks")}>
          <p className="tip-received">{t("tip.sent.received")}</p>
        </Alert>
      </Page>
    );
  }

  return (
    <Page title={t("tip.title")} lead={t("tip.lead")}>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <form onSubmit={(e) => void submit(e)} className="tip-form" autoComplete="off">
        <Select
          label={t("tip.county")}
          placeholder={t("tip.county_unknown")}
          choices={counties.map((c) => ({ value: c.fips, label: c.name }))}
          value={county}
          onChange={(e) => setCounty(e.target.value)}
        />
        <Select
          label={t("tip.venue")}
          placeholder={t("tip.venue_unknown")}
          choices={VENUES.map((v) => ({ value: v, label: t(`venue.${v}` as UiMessageKey) }))}
          value={venue}
          onChange={(e) => setVenue(e.target.value)}
        />
        {ageQuestion ? (
          <RadioGroup
            name="tip-age"
            label={ageQuestion.text}
            choices={ageQuestion.options}
            value={age}
            onChange={setAge}
          />
        ) : null}
        {age === "minor" ? <MandatoryReporterReminder /> : null}
        <fieldset className="field checkbox-group">
          <legend>{t("tip.seen")}</legend>
          <p className="field-hint">{t("tip.seen_hint")}</p>
          {seenQuestions.map((q) => (
            <label key={q.id} className="checkbox">
              <input
                type="checkbox"
                checked={seen.has(q.id)}
                onChange={(e) => {
                  const next = new Set(seen);
                  if (e.target.checked) next.add(q.id);
                  else next.delete(q.id);
                  setSeen(next);
                }}
              />
              <span>{q.text}</span>
            </label>
          ))}
        </fieldset>
        <TextArea
          label={t("tip.narrative")}
          hint={t("tip.narrative_hint")}
          ref={narrativeRef}
          error={emptyError ? t("tip.error.empty") : null}
          value={narrative}
          maxLength={5000}
          rows={5}
          onChange={(e) => setNarrative(e.target.value)}
        />
        <TextInput
          label={t("tip.reach")}
          hint={t("tip.reach_hint")}
          value={reach}
          maxLength={200}
          onChange={(e) => setReach(e.target.value)}
        />
        <Alert tone="info" title={t("tip.contact.title")}>
          <p>
            {t("tip.contact.body")}{" "}
            <a href={telHref(CONTACTS.nationalHotline)}>{CONTACTS.nationalHotline.phone}</a>
          </p>
        </Alert>
        <Button type="submit" disabled={sent.state === "sending"}>
          {t("tip.send")}
        </Button>
      </form>
    </Page>
  );
}

/**
 * A tip does not discharge a mandatory reporter's duty: teachers, childcare providers, medical
 * professionals, clergy and law enforcement must report a child to CPS by phone, then in
 * writing (DOMAIN.md §5 `report_cps`; the number and statutes are the action catalogue's).
 */
function MandatoryReporterReminder() {
  const { t } = useI18n();
  const { phone, citation } = ACTION_CATALOGUE.report_cps;
  const cps = phone ?? CONTACTS.cpsHotline;
  return (
    <Alert tone="warning" title={t("tip.minor.title")}>
      <p className="mandatory-reporter">
        {t("tip.minor.body", { statute: citation })}{" "}
        <a href={telHref(cps)} className="phone">
          {cps.phone}
        </a>
      </p>
    </Alert>
  );
}
