import { useState } from "react";
import type { TaskForceDetail } from "../../../contract/coordination/replies.ts";
import { api } from "../../api/client.ts";
import { mississippiDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { Select, TextInput } from "../../ui/Field.tsx";
import { ActionForm, Gate, useAction } from "../actions.tsx";
import { labelFor } from "../labels.ts";
import { useSession } from "../session.tsx";
import { staffLabel, useStaffDirectory } from "../staff-directory.ts";

/**
 * Adds a member by picking a person from the staff directory (one row per membership: a person
 * in one agency and role, as task forces hold them). Task forces may join several agencies, so
 * the directory is the state's; those already in the task force are left out.
 */
export function AddMemberForm(props: { taskForce: TaskForceDetail; onAdded(): void }) {
  const { t } = useI18n();
  const { me } = useSession();
  const action = useAction();
  const [directory] = useStaffDirectory(me.abilities.manageTaskForces);
  const [membershipId, setMembershipId] = useState("");
  const [added, setAdded] = useState<string | null>(null);
  if (!me.abilities.manageTaskForces) return null;
  const members = new Set(props.taskForce.members.map((m) => m.membershipId));
  const submit = async () => {
    setAdded(null);
    const url = `/api/v1/task-forces/${encodeURIComponent(props.taskForce.id)}/members`;
    const done = await action.run(async () => {
      await api.post(url, { membershipId });
      return true;
    });
    if (done) {
      const person =
        directory.state === "ready"
          ? directory.data.staff.find((s) => s.membershipId === membershipId)
          : undefined;
      setMembershipId("");
      setAdded(person?.displayName ?? "");
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
      {added !== null ? (
        <Alert tone="success">
          {added ? t("tf.member_added", { name: added }) : t("common.saved")}
        </Alert>
      ) : null}
      <Gate loaded={directory}>
        {({ staff }) => {
          const choices = staff
            .filter((s) => !members.has(s.membershipId))
            .map((s) => ({ value: s.membershipId, label: staffLabel(t, s) }));
          return choices.length === 0 ? (
            <p className="muted">{t("tf.everyone_added")}</p>
          ) : (
            <>
              <Select
                label={t("tf.person")}
                hint={t("tf.person_hint")}
                choices={choices}
                placeholder={t("common.choose")}
                value={membershipId}
                required
                error={action.fieldError("membershipId")}
                onChange={(e) => setMembershipId(e.target.value)}
              />
              <Button type="submit" variant="secondary" disabled={action.busy}>
                {t("tf.add_member")}
              </Button>
            </>
          );
        }}
      </Gate>
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
