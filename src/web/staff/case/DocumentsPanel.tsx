import { useState } from "react";
import type { caseFileReplies } from "../../../contract/case-file/replies.ts";
import type { Reply } from "../../../contract/common.ts";
import { DOCUMENT_TYPES, isDocumentType } from "../../../domain/coordination/documents.ts";
import { api } from "../../api/client.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { type Language, useI18n } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Badge } from "../../ui/Badge.tsx";
import { Button } from "../../ui/Button.tsx";
import { TextInput } from "../../ui/Field.tsx";
import { ActionForm, Gate, useAction } from "../actions.tsx";
import { labelFor } from "../labels.ts";
import { useApi } from "../useApi.ts";
import {
  AboutPersonSelect,
  ConfidentialCheckbox,
  useConfidentialChoice,
} from "./ConfidentialCheckbox.tsx";
import type { CasePanelProps } from "./panels.ts";
import { personChoices } from "./people.ts";

const ACCEPT = Object.entries(DOCUMENT_TYPES)
  .flatMap(([type, d]) => [type, `.${d.extension}`])
  .concat(".jpeg")
  .join(",");

/** "840 KB", "1.2 MB": sizes as people read them. */
function formatSize(bytes: number, lang: Language): string {
  const format = (n: number) =>
    new Intl.NumberFormat(lang === "es" ? "es-US" : "en-US", { maximumFractionDigits: 1 }).format(
      n,
    );
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${format(bytes / 1024)} KB`;
  return `${format(bytes / (1024 * 1024))} MB`;
}

/** The file's media type; some systems give none for a .txt, so the extension decides then. */
function mediaTypeOf(file: File): string {
  if (file.type) return file.type;
  const ext = file.name.split(".").pop()?.toLowerCase();
  const known = Object.entries(DOCUMENT_TYPES).find(([, d]) => d.extension === ext);
  return known?.[0] ?? "application/octet-stream";
}

/**
 * Documents on the case: each downloads as an attachment (the server never shows one inline),
 * with its type, size and virus-scan status. Uploads go as the raw file with its own type; the
 * server checks the type against the file's first bytes and the size limit.
 */
export default function DocumentsPanel({ detail }: CasePanelProps) {
  const { t, lang } = useI18n();
  const path = `/api/v1/cases/${encodeURIComponent(detail.id)}/documents`;
  const [loaded, reload] = useApi<Reply<typeof caseFileReplies.documents>>(path);
  const [added, setAdded] = useState(false);
  const [adding, setAdding] = useState(false);
  return (
    <Gate loaded={loaded}>
      {({ documents }) => (
        <>
          {documents.length === 0 ? (
            <p>{t("document.none")}</p>
          ) : (
            <ul className="documents">
              {documents.map((d) => (
                <li key={d.id} className="document">
                  <a href={`/api/v1/documents/${encodeURIComponent(d.id)}`} download={d.fileName}>
                    {d.fileName}
                  </a>
                  <p className="obligation-meta">
                    {isDocumentType(d.mediaType)
                      ? DOCUMENT_TYPES[d.mediaType].extension.toUpperCase()
                      : d.mediaType}{" "}
                    · {formatSize(d.sizeBytes, lang)} · {formatDateTime(d.createdAt, lang)}{" "}
                    <Badge tone={d.scanStatus === "clean" ? "success" : "neutral"}>
                      {labelFor(t, "scan", d.scanStatus)}
                    </Badge>{" "}
                    {d.confidential ? <Badge tone="warning">{t("file.confidential")}</Badge> : null}
                  </p>
                </li>
              ))}
            </ul>
          )}
          {added ? <Alert tone="success">{t("document.added")}</Alert> : null}
          {detail.abilities.uploadDocument ? (
            adding ? (
              <UploadForm
                caseId={detail.id}
                persons={personChoices(t, detail.persons)}
                onAdded={() => {
                  setAdding(false);
                  setAdded(true);
                  reload();
                }}
                onCancel={() => setAdding(false)}
              />
            ) : (
              <Button
                variant="secondary"
                onClick={() => {
                  setAdded(false);
                  setAdding(true);
                }}
              >
                {t("document.add")}
              </Button>
            )
          ) : null}
        </>
      )}
    </Gate>
  );
}

function UploadForm(props: {
  caseId: string;
  persons: { value: string; label: string }[];
  onAdded(): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [file, setFile] = useState<File | null>(null);
  // A new key empties the file input after an upload (its value cannot be set otherwise).
  const [round, setRound] = useState(0);
  const [aboutPersonId, setAboutPersonId] = useState("");
  const readers = useConfidentialChoice();
  const submit = async () => {
    if (!file) return;
    const query = new URLSearchParams({ name: file.name });
    if (aboutPersonId) query.set("aboutPersonId", aboutPersonId);
    query.set("confidential", String(readers.confidential));
    const done = await action.run(() =>
      api.upload(
        `/api/v1/cases/${encodeURIComponent(props.caseId)}/documents?${query}`,
        file,
        mediaTypeOf(file),
      ),
    );
    if (done) {
      setFile(null);
      setRound((r) => r + 1);
      props.onAdded();
    }
  };
  return (
    <ActionForm
      action={action}
      fields={["name", "aboutPersonId", "confidential"]}
      onSubmit={submit}
      label={t("document.add")}
    >
      <h3>{t("document.add")}</h3>
      <TextInput
        key={round}
        type="file"
        label={t("document.file")}
        hint={t("document.file_hint")}
        accept={ACCEPT}
        required
        error={action.fieldError("name")}
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
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
      <div className="actions">
        <Button type="submit" disabled={action.busy || !file}>
          {action.busy ? t("common.saving") : t("document.upload")}
        </Button>
        <Button variant="secondary" onClick={props.onCancel}>
          {t("common.cancel")}
        </Button>
      </div>
    </ActionForm>
  );
}
