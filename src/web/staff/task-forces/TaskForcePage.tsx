import type { TaskForceDetail } from "../../../contract/coordination/replies.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import type { RouteProps } from "../../routes.ts";
import { Badge } from "../../ui/Badge.tsx";
import { DataTable } from "../../ui/DataTable.tsx";
import { Page } from "../../ui/Page.tsx";
import { Gate } from "../actions.tsx";
import { labelFor } from "../labels.ts";
import { useApi } from "../useApi.ts";
import { CertificationBadges } from "./CertificationBadges.tsx";
import { AddMemberForm, AddShiftForm } from "./RosterForms.tsx";

/**
 * One task force for those who run it: members with their certifications (and when each
 * expires), who is on call, the roster of shifts, and forms to add a member or a shift.
 */
export default function TaskForcePage({ params }: RouteProps) {
  const { t, lang } = useI18n();
  const id = params.id ?? "";
  // Kept on screen while it reloads after a member or shift is added, so the forms stay put.
  const [loaded, reload] = useApi<TaskForceDetail>(
    `/api/v1/task-forces/${encodeURIComponent(id)}`,
    { keepOnReload: true },
  );
  const title = loaded.state === "ready" ? loaded.data.name : t("task_forces.title");
  const cols = [t("tf.member"), t("tf.role"), t("tf.certifications"), t("rat.on_call")];
  return (
    <Page title={title}>
      <Gate loaded={loaded}>
        {(tf) => {
          const name = (membershipId: string) =>
            tf.members.find((m) => m.membershipId === membershipId)?.displayName ?? "—";
          return (
            <>
              <h2>{t("tf.members")}</h2>
              {tf.members.length === 0 ? (
                <p>{t("tf.no_members")}</p>
              ) : (
                <DataTable caption={t("tf.members")} columns={cols}>
                  {tf.members.map((m) => (
                    <tr key={m.membershipId}>
                      <td data-label={cols[0]}>{m.displayName}</td>
                      <td data-label={cols[1]}>{labelFor(t, "role", m.role)}</td>
                      <td data-label={cols[2]}>
                        <CertificationBadges certifications={m.certifications} />
                      </td>
                      <td data-label={cols[3]}>
                        {m.onCall ? (
                          <Badge tone="info">{t("rat.on_call")}</Badge>
                        ) : (
                          <span className="muted">{t("common.no")}</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </DataTable>
              )}
              <h2>{t("tf.roster")}</h2>
              {tf.shifts.length === 0 ? (
                <p>{t("tf.no_shifts")}</p>
              ) : (
                <ul className="plain-list">
                  {tf.shifts.map((s) => (
                    <li key={s.id}>
                      <strong>{name(s.membershipId)}</strong> ·{" "}
                      {t("tf.shift", {
                        from: formatDateTime(s.startsAt, lang),
                        until: formatDateTime(s.endsAt, lang),
                      })}
                    </li>
                  ))}
                </ul>
              )}
              <AddMemberForm taskForce={tf} onAdded={reload} />
              <AddShiftForm taskForce={tf} onAdded={reload} />
            </>
          );
        }}
      </Gate>
    </Page>
  );
}
