import type { Reply } from "../../../../contract/common.ts";
import type { coordinationReplies, RatTeam } from "../../../../contract/coordination/replies.ts";
import { formatDateTime } from "../../../i18n/format.ts";
import { useI18n } from "../../../i18n/i18n.tsx";
import { Badge } from "../../../ui/Badge.tsx";
import { Gate } from "../../actions.tsx";
import { useApi } from "../../useApi.ts";
import type { CasePanelProps } from "../panels.ts";
import { ConveneForm } from "./ConveneForm.tsx";
import { OfferSeatForm } from "./OfferSeatForm.tsx";
import { SeatList } from "./SeatList.tsx";

/**
 * The case's Rapid Assessment Team (HB 1559: a CPS investigator, a certified HT investigator and
 * a certified advocate within 24 hours of the tip): convene it from a task force, follow each
 * seat, offer a seat by hand, and see how long forming it took.
 */
export default function RatPanel({ detail }: CasePanelProps) {
  const { t } = useI18n();
  const path = `/api/v1/cases/${encodeURIComponent(detail.id)}/rat`;
  // Kept on screen while it reloads after an offer by hand, so that form keeps focus.
  const [loaded, reload] = useApi<Reply<typeof coordinationReplies.rat>>(path, {
    keepOnReload: true,
  });
  return (
    <Gate loaded={loaded}>
      {({ team }) =>
        team ? (
          <TeamView team={team} mayConvene={detail.abilities.formRat} reload={reload} />
        ) : (
          <>
            <p>{t("rat.none")}</p>
            {detail.abilities.formRat ? (
              <ConveneForm caseId={detail.id} onConvened={reload} />
            ) : null}
          </>
        )
      }
    </Gate>
  );
}

function TeamView(props: { team: RatTeam; mayConvene: boolean; reload(): void }) {
  const { t, lang } = useI18n();
  const { team } = props;
  // The task force's name comes from the directory any signed-in user may read. It only adds
  // context to the line below, so while it loads (or if it fails) the line goes without it.
  const [directory] = useApi<Reply<typeof coordinationReplies.taskForces>>("/api/v1/task-forces");
  const taskForce =
    directory.state === "ready"
      ? directory.data.taskForces.find((f) => f.id === team.taskForceId)
      : undefined;
  return (
    <>
      <p className="rat-status">
        {team.formedAt ? (
          <Badge tone="success">
            {t("rat.formed_in", { minutes: team.formationMinutes ?? 0 })}
          </Badge>
        ) : (
          <Badge tone="warning">{t("rat.forming")}</Badge>
        )}{" "}
        <span className="muted">
          {taskForce ? `${taskForce.name} · ` : ""}
          {t("rat.requested_at", { at: formatDateTime(team.requestedAt, lang) })}
          {team.formedAt
            ? ` · ${t("rat.formed_at", { at: formatDateTime(team.formedAt, lang) })}`
            : ""}
        </span>
      </p>
      <SeatList team={team} />
      {props.mayConvene && !team.formedAt ? (
        <OfferSeatForm caseId={team.caseId} team={team} onOffered={props.reload} />
      ) : null}
    </>
  );
}
