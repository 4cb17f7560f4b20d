import { useState } from "react";
import { api } from "../../api/client.ts";
import type { Account, TaskForceDetail } from "../../api/coordination-types.ts";
import { mississippiDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { Select, TextInput } from "../../ui/Field.tsx";
import { ActionForm, useAction } from "../actions.tsx";
import { labelFor } from "../labels.ts";
import { useSession } from "../session.tsx";
import { useApi } from "../useApi.ts";

/**
 * Adds a member by membership (a person in one agency and role). Administrators pick from the
 * accounts they manage; others type the membership id, since the server has no staff directory
 * for task-force leads to search.
 */
export function AddMemberForm(props: { taskForce: TaskForceDetail; onAdded(): void }) {
  const { t } = useI18n();
  const { me } = useSession();
  const action = useAction();
  const [accounts] = useApi<{ users: Account[] }>(
    me.abilities.administerAccounts ? "/api/v1/users" : null,
  );
  const [membershipId, setMembershipId] = useState("");
  const [added, setAdded] = useState(false);
  const members = new Set(props.taskForce.members.map((m) => m.membershipId));
  const choices =
    accounts.state === "ready"
      ? accounts.data.users
          .filter((u) => !members.has(u.membershipId) && u.status === "active")
          .map((u) => ({
            value: u.membershipId,
            label: `${u.displayName} · ${labelFor(t, "role", u.role)}`,
          }))
      : null;
  const submit = async () => {
    setAdded(false);
    const url = `/api/v1/task-forces/${encodeURIComponent(props.taskForce.id)}/members`;
    const done = await action.run(async () => {
      await api.post(url, { membershipId: membershipId.trim() });
      return true;
    });
    if (done) {
      setMembershipId("");
      setAdded(true);
      props.onAdded();
    }
  };
  return (
    <ActionForm
      action={action}
      fields={["membershipId"]}
      onSubmit={submit}
      label={t("tf.add_member")}
    >
      <h2>{t("tf.add_member")}</h2>
      {added ? <Alert tone="success">{t("common.saved")}</Alert> : null}
      {choices ? (
        <Select
          label={t("tf.member")}
          choices={choices}
          placeholder={t("common.choose")}
          value={membershipId}
          required
          error={action.fieldError("membershipId")}
          onChange={(e) => setMembershipId(e.target.value)}
        />
      ) : (
        <TextInput
          label={t("tf.membership_id")}
          hint={t("tf.membership_id_hint")}
          value={membershipId}
          required
          maxLength={100}
          error={action.fieldError("membershipId")}
          onChange={(e) => setMembershipId(e.target.value)}
        />
      )}
      <Button type="submit" variant="secondary" disabled={action.busy}>
        {t("tf.add_member")}
      </Button>
    </ActionForm>
  );
}

/** Puts a member on call from one time to another, both read as Mississippi time. */
export function AddShiftForm(props: { taskForce: TaskForceDetail; onAdded(): void }) {
  const { t } = useI18n();
  const action = useAction();
  const [membershipId, setMembershipId] = useState("");
  const [startsAt, setStartsAt] = useState("");
  const [endsAt, setEndsAt] = useState("");
  if (props.taskForce.members.length === 0) return null;
  const submit = async () => {
    const url = `/api/v1/task-forces/${encodeURIComponent(props.taskForce.id)}/on-call`;
    const done = await action.run(() =>
      api.post(url, {
        membershipId,
        startsAt: mississippiDateTime(startsAt),
        endsAt: mississippiDateTime(endsAt),
      }),
    );
    if (done) {
      setStartsAt("");
      setEndsAt("");
      props.onAdded();
    }
  };
  return (
    <ActionForm
      action={action}
      fields={["membershipId", "startsAt", "endsAt"]}
      onSubmit={submit}
      label={t("tf.add_shift")}
    >
      <h2>{t("tf.add_shift")}</h2>
      <Select
        label={t("tf.member")}
        choices={props.taskForce.members.map((m) => ({
          value: m.membershipId,
          label: `${m.displayName} · ${labelFor(t, "role", m.role)}`,
        }))}
        placeholder={t("common.choose")}
        value={membershipId}
        required
        error={action.fieldError("membershipId")}
        onChange={(e) => setMembershipId(e.target.value)}
      />
      <div className="field-row">
        <TextInput
          type="datetime-local"
          label={t("tf.starts")}
          hint={t("tf.time_hint")}
          value={startsAt}
          required
          error={action.fieldError("startsAt")}
          onChange={(e) => setStartsAt(e.target.value)}
        />
        <TextInput
          type="datetime-local"
          label={t("tf.ends")}
          hint={t("tf.time_hint")}
          value={endsAt}
          required
          error={action.fieldError("endsAt")}
          onChange={(e) => setEndsAt(e.target.value)}
        />
      </div>
      <Button type="submit" variant="secondary" disabled={action.busy}>
        {t("tf.add_shift")}
      </Button>
    </ActionForm>
  );
}
