import type { CasePerson } from "../../../contract/cases/replies.ts";
import type { Translate } from "../../i18n/i18n.tsx";
import type { Choice } from "../../ui/Field.tsx";
import { labelFor } from "../labels.ts";

/**
 * How a person is named in pickers and lists: their name only when the server sent it (its
 * policy decides), then their part in the case and age, e.g. "Ana · Victim · 15 years".
 */
export function personLabel(t: Translate, p: CasePerson): string {
  const name = [p.identity.givenName, p.identity.familyName].filter(Boolean).join(" ");
  const age = p.ageYears !== null ? t("case.people.age", { age: p.ageYears }) : null;
  return [name || null, labelFor(t, "part", p.part), age].filter(Boolean).join(" · ");
}

export function personChoices(t: Translate, persons: readonly CasePerson[]): Choice[] {
  return persons.map((p) => ({ value: p.id, label: personLabel(t, p) }));
}

export const victimsOf = (persons: readonly CasePerson[]) =>
  persons.filter((p) => p.part === "victim");
