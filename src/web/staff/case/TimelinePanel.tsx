import { useEffect, useRef } from "react";
import type { caseFileReplies, TimelineEvent } from "../../../contract/case-file/replies.ts";
import type { Reply } from "../../../contract/common.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { type Translate, useI18n } from "../../i18n/i18n.tsx";
import { Gate } from "../actions.tsx";
import { labelFor } from "../labels.ts";
import { useApi } from "../useApi.ts";
import type { CasePanelProps } from "./panels.ts";

/** The detail an event's data adds, in words: which seat, which outcome, how long it took. */
function eventDetail(t: Translate, e: TimelineEvent): string | null {
  const { seat, outcome, formationMinutes, status, fields, part } = e.data;
  // A person added is named by their part; a change names the fields (never their values).
  if (typeof part === "string") return labelFor(t, "part", part);
  if (Array.isArray(fields) && fields.length > 0)
    return t("people.fields_changed", {
      fields: fields.map((f) => labelFor(t, "person_field", String(f))).join(", "),
    });
  if (typeof seat === "string") return labelFor(t, "seat", seat);
  if (typeof outcome === "string") return labelFor(t, "outcome", outcome);
  if (typeof formationMinutes === "number")
    return t("rat.formed_in", { minutes: formationMinutes });
  if (typeof status === "string") return labelFor(t, "item_status", status);
  return null;
}

/**
 * Everything that happened on the case, newest first, in the reader's language, with who did it
 * (events the system made itself, such as a deadline passing, name nobody).
 */
export default function TimelinePanel({ detail }: CasePanelProps) {
  const { t, lang } = useI18n();
  const path = `/api/v1/cases/${encodeURIComponent(detail.id)}/timeline`;
  const [loaded, reload] = useApi<Reply<typeof caseFileReplies.timeline>>(path, {
    keepOnReload: true,
  });
  // Another panel's save reloads the case (a person changed, a worker assigned): what it did is
  // on the timeline now, so the timeline follows each new load of the case, not only the first.
  const first = useRef(detail);
  useEffect(() => {
    if (first.current !== detail) reload();
  }, [detail, reload]);
  return (
    <Gate loaded={loaded}>
      {({ events }) =>
        events.length === 0 ? (
          <p>{t("timeline.none")}</p>
        ) : (
          <ol className="timeline" reversed>
            {[...events].reverse().map((e) => {
              const extra = eventDetail(t, e);
              return (
                <li key={e.id}>
                  <time dateTime={e.occurredAt} className="muted">
                    {formatDateTime(e.occurredAt, lang)}
                  </time>{" "}
                  {labelFor(t, "event", e.kind)}
                  {extra ? ` · ${extra}` : ""}
                  {e.actorName ? (
                    <span className="muted"> · {t("timeline.by", { name: e.actorName })}</span>
                  ) : null}
                </li>
              );
            })}
          </ol>
        )
      }
    </Gate>
  );
}
