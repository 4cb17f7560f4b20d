import { type FormEvent, useEffect, useRef, useState } from "react";
import type { Question } from "../../contract/assessment/replies.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { Button } from "../ui/Button.tsx";
import { RadioGroup, TextInput } from "../ui/Field.tsx";

/**
 * One question on its own screen: the answers the API offers (yes, no, I don't know, I'd rather
 * not say, or the question's choices) and, for age, a number of years as well.
 */
export function QuestionStep(props: {
  question: Question;
  sectionTitle: string;
  initial: string | number | undefined;
  busy: boolean;
  canGoBack: boolean;
  /** Move focus here when shown (every question after the first), so the next one is read. */
  takeFocus: boolean;
  onAnswer(value: string | number): void;
  onBack(): void;
}) {
  const { t } = useI18n();
  const { question } = props;
  const [choice, setChoice] = useState<string | null>(
    typeof props.initial === "string" ? props.initial : null,
  );
  const [years, setYears] = useState(
    typeof props.initial === "number" ? String(props.initial) : "",
  );
  const [error, setError] = useState<string | null>(null);
  const range = question.number;
  const form = useRef<HTMLFormElement>(null);
  const takeFocus = props.takeFocus;
  useEffect(() => {
    if (takeFocus) form.current?.focus();
  }, [takeFocus]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (range && years.trim() !== "") {
      const n = Number(years);
      if (!Number.isInteger(n) || n < range.min || n > range.max) {
        setError(t("screening.age_invalid", { min: range.min, max: range.max }));
        return;
      }
      props.onAnswer(n);
      return;
    }
    if (!choice) {
      setError(t("screening.choose_answer"));
      return;
    }
    props.onAnswer(choice);
  };

  return (
    <form
      ref={form}
      tabIndex={-1}
      onSubmit={submit}
      noValidate
      className="question"
      aria-busy={props.busy}
      aria-label={question.text}
    >
      <p className="section-title">{props.sectionTitle}</p>
      {range ? (
        <>
          <h2 className="question-text">{question.text}</h2>
          <p className="field-hint">{question.help}</p>
          <TextInput
            label={range.label}
            error={error && years.trim() !== "" ? error : null}
            inputMode="numeric"
            pattern="[0-9]*"
            autoComplete="off"
            value={years}
            onChange={(e) => {
              setYears(e.target.value);
              if (e.target.value !== "") setChoice(null);
              setError(null);
            }}
          />
        </>
      ) : null}
      <RadioGroup
        name={`q-${question.id}`}
        label={
          range ? t("screening.age_or") : <span className="question-text">{question.text}</span>
        }
        hint={range ? undefined : question.help}
        error={error && !(range && years.trim() !== "") ? error : null}
        choices={question.options}
        value={choice}
        onChange={(v) => {
          setChoice(v);
          setYears("");
          setError(null);
        }}
      />
      <div className="actions">
        <Button type="submit" disabled={props.busy}>
          {t("screening.next")}
        </Button>
        {props.canGoBack ? (
          <Button variant="secondary" onClick={props.onBack} disabled={props.busy}>
            {t("screening.back")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
