import { useState } from "react";
import type { CasePerson } from "../../../contract/cases/replies.ts";
import { personChangeProblems } from "../../../domain/consistency.ts";
import { localDate } from "../../../domain/time.ts";
import { api } from "../../api/client.ts";
import { type UiMessageKey, useI18n } from "../../i18n/i18n.tsx";
import { Button } from "../../ui/Button.tsx";
import { ActionForm, useAction } from "../actions.tsx";
import { consistencyMessage } from "../field-problems.ts";
import {
  emptyPerson,
  type PersonDraft,
  PersonFields,
  personForApi,
} from "../intake/PersonFields.tsx";
import { personLabel } from "./people.ts";
import { draftOf, editBody } from "./person-draft.ts";

/** The fields this form shows a problem beside (the server names them so, as intake does). */
const FIELDS = [
  "part",
  "givenName",
  "familyName",
  "ageYears",
  "birthDate",
  "gender",
  "citizenship",
  "language",
  "placement",
  "contacts.0.value",
  "contacts.1.value",
  "nonOffending",
] as const;

/**
 * Changes a person on the case (prefilled with what the reader is shown) or adds one, with the
 * intake form's fields. The ages are checked here first, by the rules the server applies, so
 * the problem reads in the user's language beside the field; the server checks again (and
 * against the screening), and its refusal shows beside the field it names.
 */
export function PersonForm(props: {
  caseId: string;
  /** The day the case was received: ages are checked as of then, as at intake. */
  receivedAt: string;
  /** The person to change; absent to add one. */
  person?: CasePerson;
  onDone(message: UiMessageKey): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const { person } = props;
  const [draft, setDraft] = useState<PersonDraft>(() =>
    person ? draftOf(person) : emptyPerson(0, "victim"),
  );
  const base = `/api/v1/cases/${encodeURIComponent(props.caseId)}/people`;

  const agesProblem = () => {
    const age = draft.ageYears.trim();
    if (age && !/^\d{1,3}$/.test(age)) return { field: "ageYears", message: t("intake.error.age") };
    const ages = {
      part: draft.part,
      ...(age ? { ageYears: Number(age) } : {}),
      ...(draft.birthDate ? { birthDate: draft.birthDate } : {}),
    };
    const receivedOn = localDate(new Date(props.receivedAt));
    const [p] = personChangeProblems(ages, null, [], undefined, receivedOn);
    return p ? { field: p.field, message: consistencyMessage(t, p) } : null;
  };

  const submit = async () => {
    const problem = agesProblem();
    if (problem) return action.fail(problem.field, problem.message);
    if (person) {
      const body = editBody(person, draft);
      if (!body) return props.onDone("people.nothing_changed");
      const saved = await action.run(() =>
        api.patch(`${base}/${encodeURIComponent(person.id)}`, body),
      );
      if (saved) props.onDone("people.saved");
    } else {
      const saved = await action.run(() => api.post(base, personForApi(draft)));
      if (saved) props.onDone("people.added");
    }
  };

  const title = person
    ? t("people.edit_title", { person: personLabel(t, person) })
    : t("people.add_title");
  return (
    <ActionForm action={action} fields={FIELDS} onSubmit={submit} label={title}>
      <PersonFields
        person={draft}
        index={0}
        legend={person ? title : t("people.new_person")}
        partFixed={person !== undefined}
        errorOf={action.fieldError}
        onChange={setDraft}
      />
      <div className="actions">
        <Button type="submit" disabled={action.busy}>
          {person ? t("people.save") : t("people.add")}
        </Button>
        <Button variant="secondary" onClick={props.onCancel}>
          {t("common.cancel")}
        </Button>
      </div>
    </ActionForm>
  );
}
