import { useState } from "react";
import type { CasePerson } from "../../../contract/cases/replies.ts";
import { api } from "../../api/client.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { TextArea } from "../../ui/Field.tsx";
import { ActionForm, useAction } from "../actions.tsx";
import { personLabel } from "./people.ts";

/**
 * Takes a person off the case: the reason first, then "are you sure?". Nothing is deleted (the
 * server keeps the record, the reason and the history); the person stops showing on the case.
 */
export function RemovePersonForm(props: {
  caseId: string;
  person: CasePerson;
  onDone(): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  const name = personLabel(t, props.person);

  const submit = async () => {
    if (reason.trim().length < 3) {
      setConfirming(false);
      return action.fail("reason", t("people.remove_reason_needed"));
    }
    if (!confirming) return setConfirming(true);
    const path = `/api/v1/cases/${encodeURIComponent(props.caseId)}/people/${encodeURIComponent(props.person.id)}`;
    const done = await action.run(async () => {
      await api.delete(path, { version: props.person.version, reason: reason.trim() });
      return true;
    });
    if (done) props.onDone();
    else setConfirming(false);
  };

  return (
    <ActionForm
      action={action}
      fields={["reason"]}
      onSubmit={submit}
      label={t("people.remove_title", { person: name })}
    >
      <h4>{t("people.remove_title", { person: name })}</h4>
      <TextArea
        label={t("people.remove_reason")}
        hint={t("people.remove_hint")}
        value={reason}
        maxLength={1000}
        rows={2}
        error={action.fieldError("reason")}
        onChange={(e) => {
          setReason(e.target.value);
          setConfirming(false);
        }}
      />
      {confirming ? (
        <Alert tone="warning">{t("people.remove_confirm", { person: name })}</Alert>
      ) : null}
      <div className="actions">
        <Button type="submit" disabled={action.busy}>
          {confirming ? t("people.remove_yes") : t("people.remove")}
        </Button>
        <Button variant="secondary" onClick={props.onCancel}>
          {t("common.cancel")}
        </Button>
      </div>
    </ActionForm>
  );
}
