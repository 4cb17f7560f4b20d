import { useState } from "react";
import type { CasePerson, caseReplies } from "../../../contract/cases/replies.ts";
import type { Reply } from "../../../contract/common.ts";
import { api } from "../../api/client.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Badge } from "../../ui/Badge.tsx";
import { Button } from "../../ui/Button.tsx";
import { Gate, useAction } from "../actions.tsx";
import { labelFor } from "../labels.ts";
import { useApi } from "../useApi.ts";
import { ConsentForm } from "./ConsentForm.tsx";
import type { CasePanelProps } from "./panels.ts";
import { personLabel, victimsOf } from "./people.ts";

/**
 * Consent records (VAWA 34 U.S.C. 12291(b)(2): informed, written, reasoned, time-limited) for
 * the people this advocate's agency serves on the case, whose own record of them it holds: list,
 * record, revoke. Shown only with
 * the case's `recordConsent` ability; revoking stops disclosure on the next request.
 */
export default function ConsentsPanel({ detail }: CasePanelProps) {
  const { t } = useI18n();
  // The panel is shown with `recordConsent`: the reader's agency serves the people of this case
  // and holds its own record of each (the server's holder rule, `consentHolderFor`). Consent is
  // about the victims; each person is offered once.
  const people = victimsOf(detail.persons).length ? victimsOf(detail.persons) : detail.persons;
  const held = people.filter((p, i) => people.findIndex((q) => q.id === p.id) === i);
  const [round, setRound] = useState(0);
  const [recorded, setRecorded] = useState(false);
  if (held.length === 0) return <p>{t("consent.none_held")}</p>;
  return (
    <>
      <p className="muted">{t("consent.lead")}</p>
      {held.map((p) => (
        <PersonConsents key={`${p.id}-${round}`} person={p} />
      ))}
      {recorded ? <Alert tone="success">{t("consent.recorded")}</Alert> : null}
      <ConsentForm
        held={held}
        persons={detail.persons}
        onRecorded={() => {
          setRecorded(true);
          setRound((r) => r + 1);
        }}
      />
    </>
  );
}

function PersonConsents(props: { person: CasePerson }) {
  const { t, lang } = useI18n();
  const path = `/api/v1/persons/${encodeURIComponent(props.person.id)}/consents`;
  const [loaded, reload] = useApi<Reply<typeof caseReplies.consents>>(path);
  const revoke = useAction();
  return (
    <section className="consents">
      <h3>{personLabel(t, props.person)}</h3>
      {revoke.failure?.kind === "refused" ? (
        <Alert tone="error">{revoke.failure.message}</Alert>
      ) : null}
      <Gate loaded={loaded}>
        {({ consents }) =>
          consents.length === 0 ? (
            <p>{t("consent.none")}</p>
          ) : (
            <ul className="plain-list">
              {consents.map((c) => (
                <li key={c.id} className="consent">
                  <p>
                    <Badge tone={c.valid ? "success" : "neutral"}>
                      {c.valid
                        ? t("consent.valid")
                        : c.revokedAt
                          ? t("consent.revoked")
                          : t("consent.expired")}
                    </Badge>{" "}
                    <strong>{c.recipientAgencyName}</strong>:{" "}
                    {c.categories.map((k) => labelFor(t, "consent_category", k)).join(", ")}
                  </p>
                  <p className="obligation-meta">
                    {c.purpose} · {labelFor(t, "consent_form", c.form)} ·{" "}
                    {t("consent.until", { at: formatDateTime(c.expiresAt, lang) })}
                  </p>
                  {c.valid ? (
                    <Button
                      variant="secondary"
                      disabled={revoke.busy}
                      aria-label={t("consent.revoke_named", { agency: c.recipientAgencyName })}
                      onClick={async () => {
                        const url = `/api/v1/consents/${encodeURIComponent(c.id)}/revoke`;
                        const done = await revoke.run(async () => {
                          await api.post(url);
                          return true;
                        });
                        if (done) reload();
                      }}
                    >
                      {t("consent.revoke")}
                    </Button>
                  ) : null}
                </li>
              ))}
            </ul>
          )
        }
      </Gate>
    </section>
  );
}
