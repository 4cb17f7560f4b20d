import type { AuditFilters } from "../../../contract/audit/inputs.ts";
import type { AuditRow } from "../../../contract/audit/replies.ts";
import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { asCaller } from "../../unit-of-work/as-caller.ts";
import { filterDetail } from "./read-audit-log.ts";

/** Rows read per page: the export never holds more than this many in memory. */
const PAGE = 500;

const ability = {
  ability: "readAudit",
  refusal: "Your role cannot read the audit trail.",
} as const;

/**
 * The audit trail as a file, page by page: each page is read in a read-only unit of its own (so
 * a slow download never holds a write transaction, and SQLite's writers never wait on it) and
 * handed to `write` before the next is read. When the last page is written, the export itself is
 * audited (`audit.export`: who, the filters, how many rows), also when the download broke off.
 * A caller who may not read the trail is refused before anything is written.
 */
export async function exportAuditLog(
  ctx: AppContext,
  actor: Actor,
  filters: AuditFilters,
  write: (rows: AuditRow[]) => Promise<void>,
): Promise<number> {
  let count = 0;
  let before: number | undefined;
  let complete = false;
  try {
    for (;;) {
      const cursor = before;
      const rows = await asCaller(
        ctx,
        actor,
        { action: "audit.export", recordType: "audit_log", auditRefusalOnly: true, ...ability },
        (w) => w.repos.auditTrail.readable({ ...filters, limit: PAGE, before: cursor }),
      );
      if (rows.length > 0) await write(rows);
      count += rows.length;
      const last = rows[rows.length - 1];
      if (!last || rows.length < PAGE) break;
      before = last.seq;
    }
    complete = true;
  } finally {
    if (count > 0 || complete)
      await asCaller(
        ctx,
        actor,
        { action: "audit.export", recordType: "audit_log", ...ability },
        async (w) => w.record({ detail: { ...filterDetail(filters), count, complete } }),
      );
  }
  return count;
}
