import type { Reply } from "../../../contract/common.ts";
import type { workReplies } from "../../../contract/work/replies.ts";
import { formatSpan } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Badge } from "../../ui/Badge.tsx";
import { Link } from "../../ui/Link.tsx";
import { actionLabel, countyName, labelFor } from "../labels.ts";
import { useApi } from "../useApi.ts";
import { useNow } from "../useNow.ts";

/** How many overdue items My work shows before "see all" (the Overdue page lists them all). */
const SHOWN = 5;

/**
 * For those who oversee an area (task-force leads, the state coordinator): the oldest overdue
 * obligations in it, on the first screen, so a day starts from what is late, not from an empty
 * list of one's own.
 */
export function OverdueInMyArea() {
  const { t, lang } = useI18n();
  const now = useNow();
  const [loaded] = useApi<Reply<typeof workReplies.overdue>>("/api/v1/queues/overdue?limit=200");
  if (loaded.state !== "ready") return null;
  const all = loaded.data.obligations;
  return (
    <section className="work-section" aria-labelledby="overdue-in-area">
      <h2 id="overdue-in-area">{t("work.overdue_area.title", { count: String(all.length) })}</h2>
      {all.length === 0 ? (
        <p>{t("work.overdue_area.none")}</p>
      ) : (
        <>
          <ul className="obligations">
            {all.slice(0, SHOWN).map((o) => (
              <li key={o.id} className="obligation obligation-overdue">
                <div className="obligation-head">
                  <Badge tone="danger">
                    {t("deadline.overdue", { span: formatSpan(now - Date.parse(o.dueAt)) })}
                  </Badge>
                  <strong>{actionLabel(lang, o.actionId)}</strong>
                </div>
                <p className="obligation-meta">
                  <Link href={`/cases/${encodeURIComponent(o.caseId)}`}>{o.caseNumber}</Link>
                  {` · ${labelFor(t, "role", o.ownerRole)} · ${countyName(o.countyFips)}`}
                </p>
              </li>
            ))}
          </ul>
          <p>
            <Link href="/overdue">{t("work.overdue_area.all")}</Link>
          </p>
        </>
      )}
    </section>
  );
}
