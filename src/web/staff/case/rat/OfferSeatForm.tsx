import { useState } from "react";
import { RAT_SEAT_IDS } from "../../../../domain/coordination/rapid-assessment-team.ts";
import { localDate } from "../../../../domain/time.ts";
import { api } from "../../../api/client.ts";
import type { RatTeam, TaskForceDetail, TaskForceMember } from "../../../api/coordination-types.ts";
import { formatDate } from "../../../i18n/format.ts";
import { type Language, type Translate, useI18n } from "../../../i18n/i18n.tsx";
import { Button } from "../../../ui/Button.tsx";
import { Select } from "../../../ui/Field.tsx";
import { ActionForm, useAction } from "../../actions.tsx";
import { labelFor } from "../../labels.ts";

/**
 * "Name · HT investigator · certified until May 1, 2026 · On call": what a convener weighs. The
 * server still decides whether the certification fits the seat today.
 */
function memberLabel(t: Translate, lang: Language, m: TaskForceMember, today: string): string {
  const latest = m.certifications
    .map((c) => c.expiresOn)
    .sort()
    .pop();
  const certified = latest
    ? t(latest < today ? "rat.certification_lapsed" : "rat.certified_until", {
        date: formatDate(latest, lang),
      })
    : null;
  return [m.displayName, labelFor(t, "role", m.role), certified, m.onCall ? t("rat.on_call") : null]
    .filter(Boolean)
    .join(" · ");
}

/**
 * Offers a seat to a member chosen by hand (one who declined, or a seat nobody could fill).
 * The server checks the role and a valid certification; its refusal (expired, missing, wrong
 * role, not a member) is shown beside the person field.
 */
export function OfferSeatForm(props: {
  caseId: string;
  team: RatTeam;
  taskForce: TaskForceDetail | null;
  onOffered(): void;
}) {
  const { t, lang } = useI18n();
  const action = useAction();
  const open = RAT_SEAT_IDS.filter(
    (seat) => !props.team.seats.some((s) => s.seat === seat && s.status === "accepted"),
  );
  const [seat, setSeat] = useState(open[0] ?? "");
  const [membershipId, setMembershipId] = useState("");
  if (open.length === 0) return null;
  const today = localDate(new Date());
  if (!props.taskForce) return <p className="muted">{t("rat.offer_needs_roster")}</p>;
  const submit = async () => {
    const done = await action.run(() =>
      api.post(`/api/v1/cases/${encodeURIComponent(props.caseId)}/rat/seats`, {
        seat,
        membershipId,
      }),
    );
    if (done) {
      setMembershipId("");
      props.onOffered();
    }
  };
  return (
    <ActionForm
      action={action}
      fields={["seat", "membershipId"]}
      onSubmit={submit}
      onReload={props.onOffered}
      className="action-form offer-seat"
      label={t("rat.offer_title")}
    >
      <h3>{t("rat.offer_title")}</h3>
      <div className="field-row">
        <Select
          label={t("rat.seat")}
          choices={open.map((s) => ({ value: s, label: labelFor(t, "seat", s) }))}
          value={seat}
          required
          error={action.fieldError("seat")}
          onChange={(e) => setSeat(e.target.value)}
        />
        <Select
          label={t("rat.person")}
          choices={props.taskForce.members.map((m) => ({
            value: m.membershipId,
            label: memberLabel(t, lang, m, today),
          }))}
          placeholder={t("common.choose")}
          value={membershipId}
          required
          error={action.fieldError("membershipId")}
          onChange={(e) => setMembershipId(e.target.value)}
        />
      </div>
      <Button type="submit" variant="secondary" disabled={action.busy}>
        {t("rat.offer")}
      </Button>
    </ActionForm>
  );
}
