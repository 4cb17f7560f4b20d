import { useState } from "react";
import type { CasePerson } from "../../../contract/cases/replies.ts";
import { type UiMessageKey, useI18n } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Badge } from "../../ui/Badge.tsx";
import { Button } from "../../ui/Button.tsx";
import { labelFor } from "../labels.ts";
import { PersonForm } from "./PersonForm.tsx";
import type { CasePanelProps } from "./panels.ts";
import { RemovePersonForm } from "./RemovePersonForm.tsx";

const IDENTITY_FIELDS = ["givenName", "familyName", "birthDate", "phone", "address"] as const;

/** What the panel has open: nothing, a person's form, the new person's, or a removal. */
type Open = { kind: "edit" | "remove"; personId: string } | { kind: "add" } | null;

/**
 * The people on the case. Identity fields appear only when the server sent them (its policy
 * decides); otherwise the page says they are withheld and on what basis nothing was disclosed.
 * Those who keep the case's people (`editPeople`) change, add and take people off it here.
 */
export default function PeoplePanel({ detail, reload }: CasePanelProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState<Open>(null);
  const [done, setDone] = useState<UiMessageKey | null>(null);
  const mayEdit = detail.abilities.editPeople;
  const finish = (message: UiMessageKey) => {
    setOpen(null);
    setDone(message);
    reload();
  };
  const start = (next: Open) => {
    setDone(null);
    setOpen(next);
  };
  const isOpen = (kind: "edit" | "remove", p: CasePerson) =>
    open !== null && open.kind === kind && open.personId === p.id;
  return (
    <>
      {done ? <Alert tone="success">{t(done)}</Alert> : null}
      {detail.persons.length === 0 ? <p>{t("case.people.none")}</p> : null}
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
              {mayEdit && open === null ? (
                <div className="actions">
                  <Button
                    variant="secondary"
                    onClick={() => start({ kind: "edit", personId: p.id })}
                  >
                    {t("people.edit")}
                  </Button>
                  <Button variant="link" onClick={() => start({ kind: "remove", personId: p.id })}>
                    {t("people.remove")}
                  </Button>
                </div>
              ) : null}
              {isOpen("edit", p) ? (
                <PersonForm
                  caseId={detail.id}
                  receivedAt={detail.receivedAt}
                  person={p}
                  onDone={finish}
                  onCancel={() => setOpen(null)}
                />
              ) : null}
              {isOpen("remove", p) ? (
                <RemovePersonForm
                  caseId={detail.id}
                  person={p}
                  onDone={() => finish("people.removed")}
                  onCancel={() => setOpen(null)}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
      {mayEdit && open === null ? (
        <Button variant="secondary" onClick={() => start({ kind: "add" })}>
          {t("people.add")}
        </Button>
      ) : null}
      {open?.kind === "add" ? (
        <PersonForm
          caseId={detail.id}
          receivedAt={detail.receivedAt}
          onDone={finish}
          onCancel={() => setOpen(null)}
        />
      ) : null}
    </>
  );
}
