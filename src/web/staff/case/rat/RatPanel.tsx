import type { RatTeam, TaskForceDetail } from "../../../api/coordination-types.ts";
import { formatDateTime } from "../../../i18n/format.ts";
import { useI18n } from "../../../i18n/i18n.tsx";
import { Badge } from "../../../ui/Badge.tsx";
import { Gate } from "../../actions.tsx";
import { useSession } from "../../session.tsx";
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
  const [loaded, reload] = useApi<{ team: RatTeam | null }>(path);
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
  const { me } = useSession();
  const { team } = props;
  // Members and the on-call roster are readable by those who run the task force; others see
  // the seats without the on-call column (and are not sent into a refusal to find out).
  const [roster] = useApi<TaskForceDetail>(
    me.abilities.manageTaskForces
      ? `/api/v1/task-forces/${encodeURIComponent(team.taskForceId)}`
      : null,
  );
  const taskForce = roster.state === "ready" ? roster.data : null;
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
      <SeatList team={team} taskForce={taskForce} />
      {props.mayConvene && !team.formedAt ? (
        <OfferSeatForm
          caseId={team.caseId}
          team={team}
          taskForce={taskForce}
          onOffered={props.reload}
        />
      ) : null}
    </>
  );
}
