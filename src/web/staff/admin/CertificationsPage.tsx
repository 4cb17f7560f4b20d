import { useEffect, useState } from "react";
import { ApiError, api } from "../../api/client.ts";
import type {
  Account,
  Certification,
  TaskForceDetail,
  TaskForceSummary,
} from "../../api/coordination-types.ts";
import { formatDate } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Select } from "../../ui/Field.tsx";
import { Page } from "../../ui/Page.tsx";
import { Gate } from "../actions.tsx";
import { labelFor } from "../labels.ts";
import { useSession } from "../session.tsx";
import { CertificationBadges } from "../task-forces/CertificationBadges.tsx";
import { type Loaded, useApi } from "../useApi.ts";
import { RecordCertificationForm } from "./RecordCertificationForm.tsx";

interface Person {
  userId: string;
  label: string;
}

/**
 * The people this user can find: the accounts they administer, or the members of the task
 * forces they run (the state coordinator records certifications but lists no accounts).
 */
function usePeople(): Loaded<Person[]> {
  const { t } = useI18n();
  const { me } = useSession();
  const [people, setPeople] = useState<Loaded<Person[]>>({ state: "loading" });
  useEffect(() => {
    let live = true;
    const found = new Map<string, string>();
    const add = (userId: string, name: string, role: string) =>
      found.set(userId, `${name} · ${labelFor(t, "role", role)}`);
    const load = async () => {
      if (me.abilities.administerAccounts) {
        const { users } = await api.get<{ users: Account[] }>("/api/v1/users");
        for (const u of users) add(u.userId, u.displayName, u.role);
      }
      if (me.abilities.manageTaskForces) {
        const { taskForces } = await api.get<{ taskForces: TaskForceSummary[] }>(
          "/api/v1/task-forces",
        );
        const details = await Promise.all(
          taskForces.map((f) =>
            api.get<TaskForceDetail>(`/api/v1/task-forces/${encodeURIComponent(f.id)}`),
          ),
        );
        for (const m of details.flatMap((d) => d.members)) add(m.userId, m.displayName, m.role);
      }
      const data = [...found]
        .map(([userId, label]) => ({ userId, label }))
        .sort((a, b) => a.label.localeCompare(b.label));
      if (live) setPeople({ state: "ready", data });
    };
    load().catch((e) => {
      const error = e instanceof ApiError ? e : new ApiError(0, "network", String(e));
      if (live) setPeople({ state: "failed", error });
    });
    return () => {
      live = false;
    };
  }, [me.abilities, t]);
  return people;
}

/** Certifications (issue and expiry dates) per person: read them, record a new one. */
export default function CertificationsPage() {
  const { t } = useI18n();
  const loaded = usePeople();
  const [userId, setUserId] = useState("");
  return (
    <Page title={t("certs.title")} lead={t("certs.lead")}>
      <Gate loaded={loaded}>
        {(people) => (
          <Select
            label={t("certs.person")}
            choices={people.map((p) => ({ value: p.userId, label: p.label }))}
            placeholder={t("common.choose")}
            value={userId}
            onChange={(e) => setUserId(e.target.value)}
          />
        )}
      </Gate>
      {userId ? <PersonCertifications key={userId} userId={userId} /> : null}
    </Page>
  );
}

function PersonCertifications(props: { userId: string }) {
  const { t, lang } = useI18n();
  const path = `/api/v1/users/${encodeURIComponent(props.userId)}/certifications`;
  const [loaded, reload] = useApi<{ certifications: Certification[] }>(path);
  return (
    <>
      <h2>{t("certs.held")}</h2>
      <Gate loaded={loaded}>
        {({ certifications }) => (
          <>
            <CertificationBadges certifications={certifications} />
            {certifications.length > 0 ? (
              <ul className="plain-list">
                {certifications.map((c) => (
                  <li key={c.id} className="muted">
                    {labelFor(t, "certification", c.kind)} ·{" "}
                    {t("certs.issued", { date: formatDate(c.issuedOn, lang) })}
                    {c.reference ? ` · ${c.reference}` : ""}
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        )}
      </Gate>
      <RecordCertificationForm userId={props.userId} onRecorded={reload} />
    </>
  );
}
