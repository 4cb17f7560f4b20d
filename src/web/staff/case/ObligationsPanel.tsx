import type { MyObligation } from "../../api/types.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { DeadlineBadge } from "../../ui/Badge.tsx";
import { Link } from "../../ui/Link.tsx";
import { LoadError } from "../LoadError.tsx";
import { actionLabel, labelFor } from "../labels.ts";
import { useApi } from "../useApi.ts";
import { useNow } from "../useNow.ts";
import type { CasePanelProps } from "./panels.ts";

/**
 * The open obligations on this case that are mine or my role's. GET /api/v1/cases/:id does not
 * list a case's obligations yet, so this reads "My work" and keeps this case's; closing happens
 * there.
 */
export default function ObligationsPanel({ detail }: CasePanelProps) {
  const { t, lang } = useI18n();
  const [loaded] = useApi<{ obligations: MyObligation[] }>("/api/v1/me/obligations?limit=500");
  const now = useNow();
  if (loaded.state === "loading") {
    return (
      <p className="loading" role="status">
        {t("common.loading")}
      </p>
    );
  }
  if (loaded.state === "failed") return <LoadError error={loaded.error} />;
  const mine = loaded.data.obligations.filter((o) => o.caseId === detail.id);
  return (
    <>
      <p className="muted">{t("case.obligations.scope")}</p>
      {mine.length === 0 ? (
        <p>{t("case.obligations.none")}</p>
      ) : (
        <ul className="obligations">
          {mine.map((o) => (
            <li key={o.id} className="obligation">
              <div className="obligation-head">
                <DeadlineBadge dueAt={o.dueAt} now={now} />
                <strong>{actionLabel(lang, o.actionId)}</strong>
              </div>
              <p className="obligation-meta">
                {labelFor(t, "role", o.ownerRole)}
                {o.dueAt ? ` · ${t("work.due_at", { at: formatDateTime(o.dueAt, lang) })}` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link href="/work">{t("case.obligations.to_work")}</Link>
      </p>
    </>
  );
}
