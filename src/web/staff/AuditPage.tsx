import { type FormEvent, useEffect, useMemo, useState } from "react";
import type { accountReplies } from "../../contract/accounts/replies.ts";
import type { AuditRow, auditReplies } from "../../contract/audit/replies.ts";
import type { Reply } from "../../contract/common.ts";
import { type ApiError, api } from "../api/client.ts";
import { formatDateTime } from "../i18n/format.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { auditActionsEn, auditPageEn, SYSTEM_ACTIONS } from "../i18n/staff/audit.en.ts";
import { auditActionsEs, auditPageEs } from "../i18n/staff/audit.es.ts";
import { Badge } from "../ui/Badge.tsx";
import { Button } from "../ui/Button.tsx";
import { DataTable } from "../ui/DataTable.tsx";
import { Select, TextInput } from "../ui/Field.tsx";
import { Page } from "../ui/Page.tsx";
import { LoadError } from "./LoadError.tsx";
import { labelFor } from "./labels.ts";
import { useApi } from "./useApi.ts";

const PAGE_SIZE = 50;

interface Filters {
  actor: string;
  caseNumber: string;
  action: string;
  from: string;
  to: string;
}
const NO_FILTERS: Filters = { actor: "", caseNumber: "", action: "", from: "", to: "" };

/** The filters as a query string (the same for the page, Load more, and the CSV export). */
function queryOf(f: Filters): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(f)) if (value.trim()) q.set(key, value.trim());
  return q.toString();
}

/**
 * The audit trail as the server scopes it (an agency administrator: their agency; a system
 * administrator and the state coordinator: every agency), newest first, in words: who by name,
 * what as a sentence, which case by number, allowed or refused. Filters by person, case, action
 * and days; Load more pages on; Export CSV downloads the same filtered trail.
 */
export default function AuditPage() {
  const { t, lang } = useI18n();
  const words = lang === "es" ? auditPageEs : auditPageEn;
  const actions = lang === "es" ? auditActionsEs : auditActionsEn;
  const say = (key: keyof typeof auditPageEn, params: Record<string, string> = {}) =>
    words[key].replace(/\{(\w+)\}/g, (_, p: string) => params[p] ?? "");
  const sentence = (code: string) => actions[code] ?? say("auditv.other_action", { code });

  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [applied, setApplied] = useState<Filters>(NO_FILTERS);
  const query = queryOf(applied);
  const [first] = useApi<Reply<typeof auditReplies.rows>>(
    `/api/v1/audit?limit=${PAGE_SIZE}${query ? `&${query}` : ""}`,
  );
  const [staff] = useApi<Reply<typeof accountReplies.staff>>("/api/v1/staff");
  const [more, setMore] = useState<{ rows: AuditRow[]; done: boolean }>({ rows: [], done: false });
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: new filters start from the newest
  useEffect(() => {
    setMore({ rows: [], done: false });
    setMoreError(null);
  }, [query]);

  const rows = first.state === "ready" ? [...first.data.rows, ...more.rows] : [];
  const last = rows[rows.length - 1];
  const firstFull = first.state === "ready" && first.data.rows.length === PAGE_SIZE;
  const canLoadMore = last !== undefined && firstFull && !more.done;
  const loadMore = () => {
    if (!last) return;
    api
      .get<Reply<typeof auditReplies.rows>>(
        `/api/v1/audit?limit=${PAGE_SIZE}&before=${last.seq}${query ? `&${query}` : ""}`,
      )
      .then((page) =>
        setMore((m) => ({ rows: [...m.rows, ...page.rows], done: page.rows.length < PAGE_SIZE })),
      )
      .catch((e: ApiError) => setMoreError(e));
  };

  const people = useMemo(() => {
    const seen = new Map<string, string>();
    if (staff.state === "ready")
      for (const s of staff.data.staff)
        if (!seen.has(s.userId)) seen.set(s.userId, `${s.displayName} (${s.agencyName})`);
    return [...seen]
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => a.label.localeCompare(b.label, lang));
  }, [staff, lang]);
  const actionChoices = useMemo(
    () =>
      Object.keys(actions)
        .map((value) => ({ value, label: actions[value] as string }))
        .sort((a, b) => a.label.localeCompare(b.label, lang)),
    [actions, lang],
  );

  const datesWrong = draft.from !== "" && draft.to !== "" && draft.to < draft.from;
  const apply = (e: FormEvent) => {
    e.preventDefault();
    if (!datesWrong) setApplied(draft);
  };
  const set = (key: keyof Filters) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [key]: e.target.value });

  const who = (r: AuditRow) =>
    r.actorName ??
    (r.actorUserId
      ? say("auditv.former_account")
      : SYSTEM_ACTIONS.has(r.action)
        ? say("auditv.system")
        : say("auditv.public"));
  const reason = (code: string) =>
    code === "forbidden" || code === "not_found" ? say(`auditv.reason.${code}`) : code;

  return (
    <Page title={say("auditv.title")} lead={say("auditv.lead")}>
      <form className="audit-filters" onSubmit={apply} aria-label={say("auditv.filters")}>
        <div className="field-row">
          <Select
            label={say("auditv.person")}
            placeholder={say("auditv.anyone")}
            choices={people}
            value={draft.actor}
            onChange={set("actor")}
          />
          <TextInput
            label={say("auditv.case_number")}
            hint={say("auditv.case_hint")}
            value={draft.caseNumber}
            onChange={set("caseNumber")}
            autoComplete="off"
          />
        </div>
        <Select
          label={say("auditv.action")}
          placeholder={say("auditv.any_action")}
          choices={actionChoices}
          value={draft.action}
          onChange={set("action")}
        />
        <div className="field-row">
          <TextInput
            type="date"
            label={say("auditv.from")}
            value={draft.from}
            onChange={set("from")}
          />
          <TextInput
            type="date"
            label={say("auditv.to")}
            value={draft.to}
            onChange={set("to")}
            error={datesWrong ? say("auditv.to_before_from") : null}
          />
        </div>
        <div className="actions">
          <Button type="submit">{say("auditv.apply")}</Button>
          <Button
            variant="secondary"
            onClick={() => {
              setDraft(NO_FILTERS);
              setApplied(NO_FILTERS);
            }}
          >
            {say("auditv.clear")}
          </Button>
          <a
            className="btn btn-secondary"
            href={`/api/v1/audit/export.csv${query ? `?${query}` : ""}`}
            download
          >
            {say("auditv.export")}
          </a>
        </div>
      </form>
      {first.state === "loading" ? (
        <p className="loading" role="status">
          {t("common.loading")}
        </p>
      ) : first.state === "failed" ? (
        <LoadError error={first.error} />
      ) : rows.length === 0 ? (
        <p>{say("auditv.empty")}</p>
      ) : (
        <DataTable
          caption={say("auditv.title")}
          columns={[
            say("auditv.when"),
            say("auditv.who"),
            say("auditv.what"),
            say("auditv.case"),
            say("auditv.result"),
          ]}
        >
          {rows.map((r) => (
            <tr key={r.seq}>
              <td data-label={say("auditv.when")}>{formatDateTime(r.at, lang)}</td>
              <td data-label={say("auditv.who")}>
                {who(r)}
                {r.actorRole ? (
                  <span className="muted"> · {labelFor(t, "role", r.actorRole)}</span>
                ) : null}
              </td>
              <td data-label={say("auditv.what")}>
                {sentence(r.action)}
                {r.fields.length > 0 ? (
                  <span className="muted">
                    {" "}
                    ({say("auditv.fields", { fields: r.fields.join(", ") })})
                  </span>
                ) : null}
              </td>
              <td data-label={say("auditv.case")}>{r.caseNumber ?? "—"}</td>
              <td data-label={say("auditv.result")}>
                <Badge tone={r.outcome === "allowed" ? "success" : "warning"}>
                  {r.outcome === "allowed"
                    ? say("auditv.allowed")
                    : r.outcome === "denied"
                      ? say("auditv.denied")
                      : say("auditv.failed")}
                </Badge>
                {r.reason ? (
                  <span className="muted">
                    {" "}
                    {say("auditv.reason", { reason: reason(r.reason) })}
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {moreError ? <LoadError error={moreError} /> : null}
      {canLoadMore ? (
        <div className="actions">
          <Button variant="secondary" onClick={loadMore}>
            {say("auditv.more")}
          </Button>
        </div>
      ) : null}
    </Page>
  );
}
