import { useState } from "react";
import type { Reply } from "../../../../contract/common.ts";
import type {
  coordinationReplies,
  RatTeam,
  SeatCandidate,
} from "../../../../contract/coordination/replies.ts";
import { RAT_SEAT_IDS } from "../../../../domain/coordination/rapid-assessment-team.ts";
import { localDate } from "../../../../domain/time.ts";
import { api } from "../../../api/client.ts";
import { formatDate } from "../../../i18n/format.ts";
import { type Language, type Translate, useI18n } from "../../../i18n/i18n.tsx";
import { Button } from "../../../ui/Button.tsx";
import { type Choice, Select } from "../../../ui/Field.tsx";
import { ActionForm, Gate, useAction } from "../../actions.tsx";
import { labelFor } from "../../labels.ts";
import { useApi } from "../../useApi.ts";

/** Why the server says this person cannot sit in the seat today, in words with the date. */
function ineligibleReason(t: Translate, lang: Language, c: SeatCandidate, today: string): string {
  const expires = c.certificationExpiresOn;
  // "Expired" also covers a certification not valid yet; only a past end date is a lapse.
  if (c.ineligible === "certification_expired" && expires !== null && expires < today)
    return t("rat.certification_lapsed", { date: formatDate(expires, lang) });
  return labelFor(t, "rat.ineligible", c.ineligible);
}

/**
 * "Name · On call · certified until May 1, 2026 · Declined": what a convener weighs, all from
 * the server's candidate list and the team's seats. Someone who cannot take the seat is listed
 * with the reason (a disabled option has no hint of its own, so the reason is in its label).
 */
function candidateChoice(
  t: Translate,
  lang: Language,
  c: SeatCandidate,
  asked: string | undefined,
  today: string,
): Choice {
  if (c.ineligible !== null)
    return {
      value: c.membershipId,
      label: `${c.displayName} · ${t("rat.cannot_take", { reason: ineligibleReason(t, lang, c, today) })}`,
      disabled: true,
    };
  const parts = [
    c.displayName,
    c.onCall ? t("rat.on_call") : null,
    c.certificationExpiresOn
      ? t("rat.certified_until", { date: formatDate(c.certificationExpiresOn, lang) })
      : null,
    asked ? labelFor(t, "seat_status", asked) : null,
  ];
  return { value: c.membershipId, label: parts.filter(Boolean).join(" · ") };
}

/**
 * Offers a seat to a member chosen by hand (one who declined, or a seat nobody could fill),
 * from the server's candidates for that seat: the task force's members in the seat's role,
 * eligible ones first. The server decides again on submit; a refusal (a certification that
 * lapsed since the list was read, say) is shown beside the person field.
 */
export function OfferSeatForm(props: { caseId: string; team: RatTeam; onOffered(): void }) {
  const { t, lang } = useI18n();
  const action = useAction();
  const open = RAT_SEAT_IDS.filter(
    (seat) => !props.team.seats.some((s) => s.seat === seat && s.status === "accepted"),
  );
  const [picked, setPicked] = useState<string>(open[0] ?? "");
  // A seat accepted since it was picked is no longer offered: fall back to the first open one.
  const seat = open.find((s) => s === picked) ?? open[0] ?? null;
  const [membershipId, setMembershipId] = useState("");
  const base = `/api/v1/cases/${encodeURIComponent(props.caseId)}/rat`;
  const [candidates] = useApi<Reply<typeof coordinationReplies.candidates>>(
    seat ? `${base}/candidates?seat=${encodeURIComponent(seat)}` : null,
  );
  if (seat === null) return null;
  const today = localDate(new Date());
  // The latest answer each person gave for this seat (rows are oldest first).
  const asked = new Map(
    props.team.seats.filter((s) => s.seat === seat).map((s) => [s.membershipId, s.status]),
  );
  const choosable =
    candidates.state === "ready" && candidates.data.candidates.some((c) => c.ineligible === null);
  const submit = async () => {
    const done = await action.run(() => api.post(`${base}/seats`, { seat, membershipId }));
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
          onChange={(e) => {
            setPicked(e.target.value);
            setMembershipId("");
            action.clear();
          }}
        />
        <Gate loaded={candidates}>
          {({ candidates: list }) =>
            list.length === 0 ? (
              <p className="muted">{t("rat.no_candidates")}</p>
            ) : (
              <Select
                label={t("rat.person")}
                hint={t(
                  list.some((c) => c.ineligible === null)
                    ? "rat.candidates_hint"
                    : "rat.none_eligible",
                )}
                choices={list.map((c) =>
                  candidateChoice(t, lang, c, asked.get(c.membershipId), today),
                )}
                placeholder={t("common.choose")}
                value={membershipId}
                required
                error={action.fieldError("membershipId")}
                onChange={(e) => setMembershipId(e.target.value)}
              />
            )
          }
        </Gate>
      </div>
      {/* Nothing to send until someone in the list could take the seat. */}
      {choosable ? (
        <Button type="submit" variant="secondary" disabled={action.busy}>
          {t("rat.offer")}
        </Button>
      ) : null}
    </ActionForm>
  );
}
