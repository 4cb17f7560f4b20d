import type { ConsistencyProblem } from "../../domain/consistency.ts";
import type { ApiError } from "../api/client.ts";
import type { Translate } from "../i18n/i18n.tsx";

/**
 * What is wrong with one field, in plain words and the reader's language (issue 13). The
 * server names the field (`persons.0.familyName`) and says what is wrong for a developer; a
 * person never reads "Too big: expected string…": the shape of the problem picks our own words.
 * A sentence the server wrote for people (a consistency check) is kept as it is.
 */
export function plainProblem(t: Translate, e: Pick<ApiError, "message" | "field">): string {
  const text =
    e.field && e.message.startsWith(`${e.field}: `)
      ? e.message.slice(e.field.length + 2)
      : e.message;
  if (/^Too big: expected (number|int)/i.test(text)) return t("field_error.too_large");
  if (/^Too small: expected (number|int)/i.test(text)) return t("field_error.too_small");
  if (/^Too big/i.test(text)) return t("field_error.too_long");
  if (/^Too small/i.test(text)) return t("field_error.too_short");
  if (/date/i.test(text) && /^Invalid/i.test(text)) return t("field_error.date");
  if (/expected (number|int)/i.test(text)) return t("field_error.number");
  // Developer fragments ("must be …", "is not a known field", "Invalid input: …").
  if (/^(Invalid|[a-z])/.test(text) || /expected|received|<=|>=/.test(text))
    return t("field_error.invalid");
  return text;
}

/** A consistency problem (domain/consistency) in the reader's language. */
export function consistencyMessage(t: Translate, p: ConsistencyProblem): string {
  switch (p.rule) {
    case "age_disagrees_with_birth_date":
    case "age_disagrees_with_screening":
      return t(`consistency.${p.rule}`, { age: p.params.age ?? "" });
    case "minority_disagrees_with_screening":
      return p.params.group === "minor"
        ? t("consistency.minority_disagrees_with_screening.minor")
        : t("consistency.minority_disagrees_with_screening.adult");
    default:
      return t(`consistency.${p.rule}`);
  }
}

/** Moves focus to the first field marked invalid in `root`, so its message is read with it. */
export function focusFirstInvalid(root: HTMLElement | null): void {
  root?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}
