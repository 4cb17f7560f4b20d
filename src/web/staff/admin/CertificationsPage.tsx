import { useState } from "react";
import type { accountReplies } from "../../../contract/accounts/replies.ts";
import type { Reply } from "../../../contract/common.ts";
import type { coordinationReplies } from "../../../contract/coordination/replies.ts";
import { ApiError } from "../../api/client.ts";
import { formatDate } from "../../i18n/format.ts";
import { type Translate, useI18n } from "../../i18n/i18n.tsx";
import { Select } from "../../ui/Field.tsx";
import { Page } from "../../ui/Page.tsx";
import { Gate } from "../actions.tsx";
import { labelFor } from "../labels.ts";
import { useSession } from "../session.tsx";
import { useStaffDirectory } from "../staff-directory.ts";
import { CertificationBadges } from "../task-forces/CertificationBadges.tsx";
import { type Loaded, useApi } from "../useApi.ts";
import { RecordCertificationForm } from "./RecordCertificationForm.tsx";

interface Person {
  userId: string;
  label: string;
}

/**
 * One line per person (certifications are a person's, not a membership's): "Name · role and
 * agency; another role and agency", sorted by name.
 */
function byPerson(rows: readonly { userId: string; name: string; detail: string }[]): Person[] {
  const found = new Map<string, { name: string; details: string[] }>();
  for (const r of rows) {
    const seen = found.get(r.userId);
    if (seen) seen.details.push(r.detail);
    else found.set(r.userId, { name: r.name, details: [r.detail] });
  }
  return [...found]
    .map(([userId, p]) => ({ userId, label: `${p.name} · ${p.details.join("; ")}` }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/**
 * The people this user may certify. Account administrators pick from the accounts they
 * administer (an agency admin certifies only their own agency's staff, and that list is exactly
 * them); the state coordinator, who administers no accounts, picks from the staff directory.
 * Anyone else (a deep link) is told they may not, rather than left on "Loading".
 */
function usePeople(t: Translate): Loaded<Person[]> {
  const { me } = useSession();
  const admin = me.abilities.administerAccounts;
  const certifier = me.abilities.recordCertifications;
  const [accounts] = useApi<Reply<typeof accountReplies.users>>(admin ? "/api/v1/users" : null);
  const [directory] = useStaffDirectory(!admin && certifier);
  if (!admin && !certifier)
    return { state: "failed", error: new ApiError(403, "forbidden", "forbidden") };
  if (admin)
    return accounts.state === "ready"
      ? {
          state: "ready",
          data: byPerson(
            accounts.data.users.map((u) => ({
              userId: u.userId,
              name: u.displayName,
              detail: labelFor(t, "role", u.role),
            })),
          ),
        }
      : accounts;
  return directory.state === "ready"
    ? {
        state: "ready",
        data: byPerson(
          directory.data.staff.map((s) => ({
            userId: s.userId,
            name: s.displayName,
            detail: `${labelFor(t, "role", s.role)} · ${s.agencyName}`,
          })),
        ),
      }
    : directory;
}

/** Certifications (issue and expiry dates) per person: read them, record a new one. */
export default function CertificationsPage() {
  const { t } = useI18n();
  const loaded = usePeople(t);
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
  const [loaded, reload] = useApi<Reply<typeof coordinationReplies.certifications>>(path);
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
