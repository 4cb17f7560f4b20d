import { once } from "node:events";
import { PassThrough } from "node:stream";
import type { FastifyReply } from "fastify";
import type { AuditFilters } from "../../contract/audit/inputs.ts";
import type { AuditRow } from "../../contract/audit/replies.ts";
import type { Actor } from "../access/actor.ts";
import type { AppContext } from "../context.ts";
import { exportAuditLog } from "../use-cases/audit/export-audit-log.ts";
import { attachmentDisposition } from "./content-disposition.ts";
import { csvRecord } from "./csv.ts";

const HEADER = ["when", "who", "role", "action", "case", "fields", "result", "reason"] as const;

function line(r: AuditRow): string {
  return csvRecord([
    r.at,
    r.actorName ?? (r.actorUserId ? r.actorUserId : "no one signed in"),
    r.actorRole,
    r.action,
    r.caseNumber,
    r.fields.join(" "),
    r.outcome,
    r.reason,
  ]);
}

/** The download broke off: stop reading pages (the export is still audited, as incomplete). */
class DownloadClosed extends Error {}

/**
 * Streams the audit export: the headers go out with the first page (so a refusal before it is
 * still an ordinary 403/404 reply), each page waits for the client to take the last one, and a
 * client that goes away stops the reading.
 */
export async function streamAuditCsv(
  ctx: AppContext,
  actor: Actor,
  filters: AuditFilters,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const out = new PassThrough();
  let started = false;
  let closed = false;
  out.on("close", () => {
    closed = true;
  });
  const start = () => {
    if (started) return;
    started = true;
    const day = ctx.clock.now().toISOString().slice(0, 10);
    reply
      .header("content-type", "text/csv; charset=utf-8")
      .header("content-disposition", attachmentDisposition(`waypoint-audit-${day}.csv`))
      .header("cache-control", "no-store")
      .send(out);
    out.write(csvRecord(HEADER));
  };
  try {
    await exportAuditLog(ctx, actor, filters, async (rows) => {
      start();
      if (closed) throw new DownloadClosed();
      if (!out.write(rows.map(line).join(""))) {
        await Promise.race([once(out, "drain"), once(out, "close")]);
        if (closed) throw new DownloadClosed();
      }
    });
  } catch (error) {
    if (!started) throw error;
    out.destroy();
    return reply;
  }
  start();
  out.end();
  return reply;
}
