import { useState } from "react";
import type { caseFileReplies } from "../../../contract/case-file/replies.ts";
import type { Reply } from "../../../contract/common.ts";
import { api } from "../../api/client.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Badge } from "../../ui/Badge.tsx";
import { Button } from "../../ui/Button.tsx";
import { TextArea } from "../../ui/Field.tsx";
import { ActionForm, Gate, useAction } from "../actions.tsx";
import { useApi } from "../useApi.ts";
import {
  AboutPersonSelect,
  ConfidentialCheckbox,
  useConfidentialChoice,
} from "./ConfidentialCheckbox.tsx";
import type { CasePanelProps } from "./panels.ts";
import { personChoices, personLabel } from "./people.ts";

/**
 * The notes this user may read: the server leaves out other agencies' confidential notes
 * entirely (not even "withheld"), unless the person consented to share case notes with this
 * user's agency.
 */
export default function NotesPanel({ detail }: CasePanelProps) {
  const { t, lang } = useI18n();
  const path = `/api/v1/cases/${encodeURIComponent(detail.id)}/notes`;
  const [loaded, reload] = useApi<Reply<typeof caseFileReplies.notes>>(path);
  const [added, setAdded] = useState<boolean | null>(null);
  const person = (id: string | null) => detail.persons.find((p) => p.id === id);
  return (
    <Gate loaded={loaded}>
      {({ notes }) => (
        <>
          {notes.length === 0 ? (
            <p>{t("note.none")}</p>
          ) : (
            <ul className="notes">
              {notes.map((n) => {
                const about = person(n.aboutPersonId);
                return (
                  <li key={n.id} className="note">
                    <p className="obligation-meta">
                      {n.confidential ? (
                        <Badge tone="warning">{t("file.confidential")}</Badge>
                      ) : (
                        <Badge tone="neutral">{t("file.shared")}</Badge>
                      )}{" "}
                      {n.authorName} · {formatDateTime(n.createdAt, lang)}
                      {about ? ` · ${t("file.about", { person: personLabel(t, about) })}` : ""}
                    </p>
                    <p className="note-body">{n.body}</p>
                  </li>
                );
              })}
            </ul>
          )}
          {added !== null ? (
            <Alert tone="success">
              {t(added ? "note.added_confidential" : "note.added_shared")}
            </Alert>
          ) : null}
          {detail.abilities.writeNote ? (
            <NoteForm
              caseId={detail.id}
              persons={personChoices(t, detail.persons)}
              onAdded={(confidential) => {
                setAdded(confidential);
                reload();
              }}
            />
          ) : null}
        </>
      )}
    </Gate>
  );
}

function NoteForm(props: {
  caseId: string;
  persons: { value: string; label: string }[];
  onAdded(confidential: boolean): void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [body, setBody] = useState("");
  const [aboutPersonId, setAboutPersonId] = useState("");
  const readers = useConfidentialChoice();
  const submit = async () => {
    const saved = await action.run(() =>
      api.post<Reply<typeof caseFileReplies.noteCreated>>(
        `/api/v1/cases/${encodeURIComponent(props.caseId)}/notes`,
        {
          body,
          ...(aboutPersonId ? { aboutPersonId } : {}),
          confidential: readers.confidential,
        },
      ),
    );
    if (saved) {
      setBody("");
      readers.reset();
      props.onAdded(saved.confidential);
    }
  };
  return (
    <ActionForm
      action={action}
      fields={["body", "aboutPersonId", "confidential"]}
      onSubmit={submit}
      label={t("note.add")}
    >
      <h3>{t("note.add")}</h3>
      <TextArea
        label={t("note.body")}
        value={body}
        required
        maxLength={20000}
        rows={4}
        error={action.fieldError("body")}
        onChange={(e) => setBody(e.target.value)}
      />
      <AboutPersonSelect
        persons={props.persons}
        value={aboutPersonId}
        error={action.fieldError("aboutPersonId")}
        onChange={setAboutPersonId}
      />
      <ConfidentialCheckbox
        checked={readers.confidential}
        onChange={readers.setConfidential}
        error={action.fieldError("confidential")}
      />
      <Button type="submit" disabled={action.busy}>
        {t("note.save")}
      </Button>
    </ActionForm>
  );
}
