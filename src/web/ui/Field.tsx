import {
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from "react";

interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
}

/**
 * Label, hint and error tied to the control: the label by `for`, hint and error by
 * `aria-describedby`, so a screen reader reads them with the field; `aria-invalid` on error.
 */
function useFieldIds(props: FieldProps) {
  const id = useId();
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return { id, hintId, errorId, describedBy };
}

function HintAndError(props: FieldProps & { hintId?: string; errorId?: string }) {
  return (
    <>
      {props.hint ? (
        <p className="field-hint" id={props.hintId}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p className="field-error" id={props.errorId}>
          {props.error}
        </p>
      ) : null}
    </>
  );
}

export function TextInput({
  label,
  hint,
  error,
  ...input
}: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const ids = useFieldIds({ label, hint, error });
  return (
    <div className={`field${error ? " field-invalid" : ""}`}>
      <label htmlFor={ids.id}>{label}</label>
      <HintAndError label={label} hint={hint} error={error} {...ids} />
      <input
        id={ids.id}
        aria-describedby={ids.describedBy}
        aria-invalid={error ? true : undefined}
        {...input}
      />
    </div>
  );
}

export function TextArea({
  label,
  hint,
  error,
  ...area
}: FieldProps &
  // React 19 passes `ref` as a prop: a page can move focus to the field it reports an error at.
  TextareaHTMLAttributes<HTMLTextAreaElement> & { ref?: Ref<HTMLTextAreaElement> }) {
  const ids = useFieldIds({ label, hint, error });
  return (
    <div className={`field${error ? " field-invalid" : ""}`}>
      <label htmlFor={ids.id}>{label}</label>
      <HintAndError label={label} hint={hint} error={error} {...ids} />
      <textarea
        id={ids.id}
        aria-describedby={ids.describedBy}
        aria-invalid={error ? true : undefined}
        {...area}
      />
    </div>
  );
}

export interface Choice {
  value: string;
  label: string;
  /** Shown but not choosable (say why in the label: a disabled option has no hint of its own). */
  disabled?: boolean;
}

export function Select({
  label,
  hint,
  error,
  choices,
  placeholder,
  ...select
}: FieldProps &
  SelectHTMLAttributes<HTMLSelectElement> & { choices: readonly Choice[]; placeholder?: string }) {
  const ids = useFieldIds({ label, hint, error });
  return (
    <div className={`field${error ? " field-invalid" : ""}`}>
      <label htmlFor={ids.id}>{label}</label>
      <HintAndError label={label} hint={hint} error={error} {...ids} />
      <select
        id={ids.id}
        aria-describedby={ids.describedBy}
        aria-invalid={error ? true : undefined}
        {...select}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {choices.map((c) => (
          <option key={c.value} value={c.value} disabled={c.disabled}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A set of radio buttons as one question: fieldset and legend, hint and error described. */
export function RadioGroup(
  props: FieldProps & {
    name: string;
    choices: readonly Choice[];
    value: string | null;
    onChange(value: string): void;
    required?: boolean;
  },
) {
  const ids = useFieldIds(props);
  return (
    <fieldset
      className={`field radio-group${props.error ? " field-invalid" : ""}`}
      aria-describedby={ids.describedBy}
    >
      <legend>{props.label}</legend>
      <HintAndError {...props} {...ids} />
      {props.choices.map((c) => (
        <label key={c.value} className="radio">
          <input
            type="radio"
            name={props.name}
            value={c.value}
            checked={props.value === c.value}
            onChange={() => props.onChange(c.value)}
            required={props.required}
            aria-invalid={props.error ? true : undefined}
          />
          <span>{c.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** One checkbox with its label beside it; hint and error read with it, as for other fields. */
export function Checkbox(
  props: FieldProps & {
    checked: boolean;
    onChange(checked: boolean): void;
  } & Omit<InputHTMLAttributes<HTMLInputElement>, "onChange" | "checked" | "type">,
) {
  const { label, hint, error, checked, onChange, ...input } = props;
  const ids = useFieldIds({ label, hint, error });
  return (
    <div className={`field${error ? " field-invalid" : ""}`}>
      <label className="checkbox" htmlFor={ids.id}>
        <input
          id={ids.id}
          type="checkbox"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          aria-describedby={ids.describedBy}
          aria-invalid={error ? true : undefined}
          {...input}
        />
        <span>{label}</span>
      </label>
      <HintAndError label={label} hint={hint} error={error} {...ids} />
    </div>
  );
}
