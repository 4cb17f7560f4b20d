import type { CasePerson } from "../../../contract/cases/replies.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Badge } from "../../ui/Badge.tsx";
import { labelFor } from "../labels.ts";
import type { CasePanelProps } from "./panels.ts";

const IDENTITY_FIELDS = ["givenName", "familyName", "birthDate", "phone", "address"] as const;

/**
 * The people on the case. Identity fields appear only when the server sent them (its policy
 * decides); otherwise the page says they are withheld and on what basis nothing was disclosed.
 */
export default function PeoplePanel({ detail }: CasePanelProps) {
  const { t } = useI18n();
  if (detail.persons.length === 0) return <p>{t("case.people.none")}</p>;
  return (
    <>
      {detail.abilities.readIdentity ? null : (
        <p className="muted">{t("case.people.no_identity")}</p>
      )}
      <ul className="people">
        {detail.persons.map((p: CasePerson) => {
          const shown = IDENTITY_FIELDS.filter((f) => p.identity[f] !== undefined);
          return (
            <li key={p.id} className="person">
              <p>
                <strong>{labelFor(t, "part", p.part)}</strong>
                {p.ageYears !== null ? ` · ${t("case.people.age", { age: p.ageYears })}` : ""}
                {p.gender ? ` · ${p.gender}` : ""}
                {p.citizenship ? ` · ${labelFor(t, "citizenship", p.citizenship)}` : ""}
                {p.language ? ` · ${p.language}` : ""}
                {p.nonOffending ? ` · ${t("person.non_offending")}` : ""}
              </p>
              {p.placement ? (
                <p>
                  {t("identity.placement")}: {p.placement}
                </p>
              ) : null}
              {p.contacts.length > 0 ? (
                <ul className="contacts" aria-label={t("person.contacts")}>
                  {p.contacts.map((c) => (
                    <li key={`${c.kind}:${c.value}`}>
                      {c.value}{" "}
                      {c.safeToContact ? null : (
                        <Badge tone="danger">{t("person.do_not_contact")}</Badge>
                      )}
                    </li>
                  ))}
                </ul>
              ) : null}
              {shown.length > 0 ? (
                <dl className="facts">
                  {shown.map((f) => (
                    <div key={f}>
                      <dt>{t(`identity.${f}`)}</dt>
                      <dd>{p.identity[f]}</dd>
                    </div>
                  ))}
                </dl>
              ) : null}
              {p.withheld.length > 0 ? (
                <p className="muted">
                  <Badge tone="neutral">{t("case.people.withheld")}</Badge>{" "}
                  {p.withheld.map((f) => labelFor(t, "identity", f)).join(", ")}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}
