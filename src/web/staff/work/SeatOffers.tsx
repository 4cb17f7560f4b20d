import { useState } from "react";
import type { Reply } from "../../../contract/common.ts";
import type { coordinationReplies } from "../../../contract/coordination/replies.ts";
import type { SeatOffer, workReplies } from "../../../contract/work/replies.ts";
import { api } from "../../api/client.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { TextArea } from "../../ui/Field.tsx";
import { Link } from "../../ui/Link.tsx";
import { ActionForm, useAction } from "../actions.tsx";
import { countyName, labelFor } from "../labels.ts";
import { useApi } from "../useApi.ts";

type Answered = { caseId: string; caseNumber: string; accepted: boolean; formed: boolean };

/**
 * Rapid Assessment Team seats offered to me: accept (I join the case team) or decline with a
 * reason (the seat passes to the next member). Shown only while there is an offer.
 */
export function SeatOffers() {
  const { t } = useI18n();
  const [loaded, reload] = useApi<Reply<typeof workReplies.seatOffers>>("/api/v1/me/seat-offers");
  const [answered, setAnswered] = useState<Answered | null>(null);
  const offers = loaded.state === "ready" ? loaded.data.offers : [];
  if (offers.length === 0 && !answered) return null;
  return (
    <section className="work-section" aria-labelledby="seat-offers">
      <h2 id="seat-offers">{t("offers.title")}</h2>
      {answered ? (
        <Alert tone="success">
          {t(answered.accepted ? "offers.accepted" : "offers.declined", {
            case: answered.caseNumber,
          })}{" "}
          {answered.formed ? t("offers.formed") : null}{" "}
          {answered.accepted ? (
            <Link href={`/cases/${encodeURIComponent(answered.caseId)}`}>
              {t("offers.open_case", { case: answered.caseNumber })}
            </Link>
          ) : null}
        </Alert>
      ) : null}
      {offers.length > 0 ? (
        <ul className="plain-list">
          {offers.map((o) => (
            <OfferItem
              key={o.id}
              offer={o}
              onAnswered={(a) => {
                setAnswered(a);
                reload();
              }}
              onStale={reload}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function OfferItem(props: { offer: SeatOffer; onAnswered(a: Answered): void; onStale(): void }) {
  const { t, lang } = useI18n();
  const { offer } = props;
  const action = useAction();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState("");
  const seat = labelFor(t, "seat", offer.seat);
  const respond = async (response: "accepted" | "declined") => {
    const answer = await action.run(() =>
      api.post<Reply<typeof coordinationReplies.seatResponse>>(
        `/api/v1/rat-seats/${encodeURIComponent(offer.id)}/respond`,
        response === "declined" ? { response, reason } : { response },
      ),
    );
    if (answer)
      props.onAnswered({
        caseId: offer.caseId,
        caseNumber: offer.caseNumber,
        accepted: response === "accepted",
        formed: answer.teamFormed,
      });
  };
  return (
    <li className="offer" data-offer={offer.id}>
      <p>
        <strong>{t("offers.seat", { seat })}</strong> · {offer.caseNumber}
      </p>
      <p className="obligation-meta">
        {countyName(offer.countyFips)} ·{" "}
        {t("offers.received", { at: formatDateTime(offer.receivedAt, lang) })} ·{" "}
        {t("offers.offered", { at: formatDateTime(offer.offeredAt, lang) })}
      </p>
      <ActionForm
        action={action}
        fields={["reason"]}
        onSubmit={() => respond(declining ? "declined" : "accepted")}
        onReload={props.onStale}
        className="inline-form"
        label={t("offers.answer_named", { seat, case: offer.caseNumber })}
      >
        {declining ? (
          <>
            <TextArea
              label={t("offers.reason")}
              hint={t("offers.reason_hint")}
              value={reason}
              required
              minLength={3}
              maxLength={500}
              rows={2}
              error={action.fieldError("reason")}
              onChange={(e) => setReason(e.target.value)}
            />
            <Button type="submit" variant="danger" disabled={action.busy}>
              {t("offers.decline_confirm")}
            </Button>
            <Button variant="secondary" onClick={() => setDeclining(false)}>
              {t("common.cancel")}
            </Button>
          </>
        ) : (
          <>
            <Button type="submit" disabled={action.busy}>
              {t("offers.accept")}
            </Button>
            <Button variant="secondary" onClick={() => setDeclining(true)}>
              {t("offers.decline")}
            </Button>
          </>
        )}
      </ActionForm>
    </li>
  );
}
