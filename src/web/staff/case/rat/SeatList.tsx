import type { RatSeat, RatTeam } from "../../../../contract/coordination/replies.ts";
import { RAT_SEAT_IDS } from "../../../../domain/coordination/rapid-assessment-team.ts";
import { formatDateTime } from "../../../i18n/format.ts";
import { useI18n } from "../../../i18n/i18n.tsx";
import { Badge, type BadgeTone } from "../../../ui/Badge.tsx";
import { DataTable } from "../../../ui/DataTable.tsx";
import { labelFor } from "../../labels.ts";

const TONES: Record<string, BadgeTone> = {
  accepted: "success",
  offered: "warning",
  declined: "danger",
  withdrawn: "neutral",
};

/** The seat's person now: whoever accepted it, else whoever it is offered to. */
function current(rows: RatSeat[]): RatSeat | undefined {
  return rows.find((r) => r.status === "accepted") ?? rows.find((r) => r.status === "offered");
}

/**
 * The three seats, each with its person, their answer and whether they are on call now (the
 * server says so on each seat, so anyone who reads the team sees it); below, earlier answers
 * such as a decline with its reason.
 */
export function SeatList(props: { team: RatTeam }) {
  const { t, lang } = useI18n();
  const earlier = props.team.seats.filter(
    (s) => s.status === "declined" || s.status === "withdrawn",
  );
  return (
    <>
      <DataTable
        caption={t("rat.seats")}
        columns={[t("rat.seat"), t("rat.person"), t("rat.answer"), t("rat.on_call")]}
        className="seats"
      >
        {RAT_SEAT_IDS.map((seat) => {
          const now = current(props.team.seats.filter((s) => s.seat === seat));
          return (
            <tr key={seat} data-seat={seat}>
              <th scope="row" data-label={t("rat.seat")}>
                {labelFor(t, "seat", seat)}
              </th>
              <td data-label={t("rat.person")}>{now ? now.displayName : "—"}</td>
              <td data-label={t("rat.answer")}>
                {now ? (
                  <>
                    <Badge tone={TONES[now.status] ?? "neutral"}>
                      {labelFor(t, "seat_status", now.status)}
                    </Badge>{" "}
                    <span className="muted">
                      {formatDateTime(now.respondedAt ?? now.offeredAt, lang)}
                    </span>
                  </>
                ) : (
                  <Badge tone="neutral">{t("rat.nobody")}</Badge>
                )}
              </td>
              <td data-label={t("rat.on_call")}>
                {now?.onCall ? (
                  <Badge tone="info">{t("rat.on_call")}</Badge>
                ) : (
                  <span className="muted">{now ? t("common.no") : "—"}</span>
                )}
              </td>
            </tr>
          );
        })}
      </DataTable>
      {earlier.length > 0 ? (
        <>
          <h3>{t("rat.earlier")}</h3>
          <ul className="plain-list">
            {earlier.map((s) => (
              <li key={s.id}>
                {labelFor(t, "seat", s.seat)}: {s.displayName} ·{" "}
                {labelFor(t, "seat_status", s.status)}
                {s.reason ? ` · “${s.reason}”` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
