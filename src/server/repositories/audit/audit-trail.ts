import type { AuditFilters } from "../../../contract/audit/inputs.ts";
import type { AuditRow } from "../../../contract/audit/replies.ts";
import { auditReach } from "../../access/policy.ts";
import type { Scope } from "../scope.ts";

export interface AuditPageOptions extends AuditFilters {
  limit: number;
  /** Only rows older than this sequence number (keyset pagination, newest first). */
  before?: number | undefined;
}

/**
 * The instant a Mississippi calendar day starts (YYYY-MM-DD; `later` days on), as the ISO form
 * the trail stores (UTC, "Z"): people pick days as they live them, not as UTC draws them.
 */
function startOfDayInMississippi(day: string, later = 0): string {
  const noon = new Date(`${day}T12:00:00Z`);
  noon.setUTCDate(noon.getUTCDate() + later);
  const name = new Intl.DateTimeFormat("en-US", {
    timeZone: "America/Chicago",
    timeZoneName: "longOffset",
  })
    .formatToParts(noon)
    .find((p) => p.type === "timeZoneName")?.value;
  const offset = name?.replace("GMT", "") || "+00:00";
  return new Date(`${noon.toISOString().slice(0, 10)}T00:00:00${offset}`).toISOString();
}

const RECORD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Field names as a person reads them: the trail may qualify a field by the record it belongs to
 * (`person.<id>.givenName`); the viewer shows the name only (`person.givenName`), once.
 */
function fieldNames(fields: string[]): string[] {
  const names = fields.map((f) =>
    f
      .split(".")
      .filter((part) => !RECORD_ID.test(part))
      .join("."),
  );
  return [...new Set(names)];
}

/** The audit trail as the audit viewer reads it: only the rows the caller's reach covers. */
export class AuditTrailRepository {
  constructor(private readonly s: Scope) {}

  /**
   * The newest rows first (`before`: older than that sequence number), of the agencies the
   * policy lets the caller audit (`auditReach`), applied in the SQL so no caller can forget it,
   * narrowed by the filters. Who acted comes by display name and the case by its number; the
   * row's detail and client address stay in the trail (only the refusal's code is shown).
   */
  async readable(options: AuditPageOptions): Promise<AuditRow[]> {
    const reach = auditReach(this.s.actor);
    if (reach.length === 0) return [];
    let q = this.s.trx
      .selectFrom("audit_log as a")
      .leftJoin("users as u", "u.id", "a.actor_user_id")
      .leftJoin("cases as c", (j) =>
        j.onRef("c.id", "=", "a.record_id").on("a.record_type", "=", "case"),
      )
      .select([
        "a.seq",
        "a.at",
        "a.actor_user_id",
        "a.actor_role",
        "a.action",
        "a.record_type",
        "a.fields",
        "a.outcome",
        "a.detail",
        "u.display_name",
        "c.case_number",
      ])
      .orderBy("a.seq", "desc")
      .limit(options.limit);
    if (reach !== "all") q = q.where("a.actor_agency_id", "in", reach);
    if (options.before !== undefined) q = q.where("a.seq", "<", options.before);
    if (options.actor !== undefined) q = q.where("a.actor_user_id", "=", options.actor);
    if (options.action !== undefined) q = q.where("a.action", "=", options.action);
    if (options.caseNumber !== undefined)
      q = q.where("a.record_type", "=", "case").where("c.case_number", "=", options.caseNumber);
    if (options.from !== undefined)
      q = q.where("a.at", ">=", startOfDayInMississippi(options.from));
    if (options.to !== undefined) q = q.where("a.at", "<", startOfDayInMississippi(options.to, 1));
    const rows = await q.execute();
    const caseNumberOf = await this.caseNumbersNamedInDetail(rows);
    return rows.map((r) => {
      const detail = JSON.parse(r.detail) as Record<string, unknown>;
      return {
        seq: Number(r.seq),
        at: r.at,
        actorUserId: r.actor_user_id,
        actorName: r.display_name ?? null,
        actorRole: r.actor_role,
        action: r.action,
        recordType: r.record_type,
        caseNumber:
          r.case_number ??
          (typeof detail.caseId === "string" ? (caseNumberOf.get(detail.caseId) ?? null) : null),
        fields: fieldNames(JSON.parse(r.fields) as string[]),
        outcome: r.outcome,
        reason: r.outcome !== "allowed" && typeof detail.code === "string" ? detail.code : null,
      };
    });
  }

  /**
   * Rows about a record that belongs to a case (a person added with it) say so in their detail
   * (`caseId`): their case numbers, in one query for the page.
   */
  private async caseNumbersNamedInDetail(rows: { case_number: string | null; detail: string }[]) {
    const ids = new Set<string>();
    for (const r of rows) {
      if (r.case_number !== null || !r.detail.includes('"caseId"')) continue;
      const id = (JSON.parse(r.detail) as Record<string, unknown>).caseId;
      if (typeof id === "string") ids.add(id);
    }
    if (ids.size === 0) return new Map<string, string>();
    const found = await this.s.trx
      .selectFrom("cases")
      .select(["id", "case_number"])
      .where("id", "in", [...ids])
      .execute();
    return new Map(found.map((c) => [c.id, c.case_number]));
  }
}
