import { type ExpressionBuilder, sql } from "kysely";
import type { NotificationsQuery } from "../../../contract/notifications/inputs.ts";
import type { Notification } from "../../../contract/notifications/replies.ts";
import {
  NOTIFICATION_KINDS,
  type NotificationKind,
  notificationTarget,
  UNREAD_COUNT_CAP,
} from "../../../domain/notifications.ts";
import { notificationsFor } from "../../access/policy.ts";
import type { Database } from "../../db/schema.ts";
import type { Scope } from "../scope.ts";

/** Where the last page stopped: newest first, by time then id. */
interface Cursor {
  at: string;
  id: string;
}

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify([c.at, c.id])).toString("base64url");

/** A cursor that does not read back is a bad request, not an empty page. */
export function decodeNotificationCursor(text: string): Cursor | undefined {
  try {
    const v = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (!Array.isArray(v) || v.length !== 2) return undefined;
    const [at, id] = v;
    return typeof at === "string" && typeof id === "string" ? { at, id } : undefined;
  } catch {
    return undefined;
  }
}

type Notes = ExpressionBuilder<Database, "notifications">;

/** The fields of a notification's data the centre shows; anything else it stores stays. */
function field(data: Record<string, unknown>, key: string): string | null {
  const v = data[key];
  return typeof v === "string" && v.length > 0 ? v : null;
}

/**
 * The caller's notification centre: what was addressed to them or to the agency they act for
 * (the policy's `notificationsFor`), newest first, and whether *they* have read each one.
 */
export class NotificationCentreRepository {
  constructor(private readonly s: Scope) {}

  private unreadByCaller() {
    const userId = this.s.actor.userId;
    return (eb: Notes) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("notification_reads")
            .select("notification_reads.user_id")
            .whereRef("notification_reads.notification_id", "=", "notifications.id")
            .where("notification_reads.user_id", "=", userId),
        ),
      );
  }

  /** One page, newest first, and the case numbers they point at (two queries whatever the page). */
  async page(q: NotificationsQuery & { cursor?: Cursor }) {
    const userId = this.s.actor.userId;
    let query = this.s.trx
      .selectFrom("notifications")
      .leftJoin("notification_reads", (j) =>
        j
          .onRef("notification_reads.notification_id", "=", "notifications.id")
          .on("notification_reads.user_id", "=", userId),
      )
      .select([
        "notifications.id",
        "notifications.kind",
        "notifications.data",
        "notifications.created_at",
        "notification_reads.read_at",
      ])
      .where(notificationsFor(this.s.actor))
      .where("notifications.kind", "in", [...NOTIFICATION_KINDS]);
    const c = q.cursor;
    if (c)
      query = query.where((eb) =>
        eb.or([
          eb("notifications.created_at", "<", c.at),
          eb.and([eb("notifications.created_at", "=", c.at), eb("notifications.id", "<", c.id)]),
        ]),
      );
    const rows = await query
      .orderBy("notifications.created_at", "desc")
      .orderBy("notifications.id", "desc")
      .limit(q.limit + 1)
      .execute();
    const shown = rows.slice(0, q.limit);
    const parsed = shown.map((r) => ({ ...r, data: parseData(r.data) }));
    const numbers = await this.caseNumbers(parsed.flatMap((r) => field(r.data, "caseId") ?? []));
    const last = shown.at(-1);
    return {
      notifications: parsed.map((r): Notification => {
        const caseId = field(r.data, "caseId");
        const kind = r.kind as NotificationKind;
        return {
          id: r.id,
          kind,
          createdAt: r.created_at,
          read: r.read_at !== null,
          href: notificationTarget(kind, caseId),
          caseNumber:
            field(r.data, "caseNumber") ?? (caseId ? (numbers.get(caseId) ?? null) : null),
          actionId: field(r.data, "actionId"),
          dueAt: field(r.data, "dueAt"),
          percent: field(r.data, "percent"),
          seat: field(r.data, "seat"),
          answer: field(r.data, "answer"),
          until: field(r.data, "expiresAt"),
          reached: field(r.data, "reached"),
        };
      }),
      nextCursor:
        rows.length > q.limit && last ? encodeCursor({ at: last.created_at, id: last.id }) : null,
    };
  }

  /** Case numbers by id: a case number names no one, and the notification was addressed here. */
  private async caseNumbers(caseIds: string[]): Promise<Map<string, string>> {
    const ids = [...new Set(caseIds)];
    if (ids.length === 0) return new Map();
    const rows = await this.s.trx
      .selectFrom("cases")
      .select(["id", "case_number"])
      .where("id", "in", ids)
      .execute();
    return new Map(rows.map((r) => [r.id, r.case_number]));
  }

  /** Unread, counted up to the cap and one more (to say "99+"), in one query. */
  async unreadCount(): Promise<{ count: number; more: boolean }> {
    const row = await this.s.trx
      .selectFrom((db) =>
        db
          .selectFrom("notifications")
          .select("notifications.id")
          .where(notificationsFor(this.s.actor))
          .where("notifications.kind", "in", [...NOTIFICATION_KINDS])
          .where(this.unreadByCaller())
          .limit(UNREAD_COUNT_CAP + 1)
          .as("unread"),
      )
      .select((eb) => eb.fn.countAll<string | number>().as("n"))
      .executeTakeFirstOrThrow();
    const n = Number(row.n);
    return { count: Math.min(n, UNREAD_COUNT_CAP), more: n > UNREAD_COUNT_CAP };
  }

  /** Whether the caller may see this notification: one out of reach reads as one that is not. */
  async visible(notificationId: string): Promise<boolean> {
    const row = await this.s.trx
      .selectFrom("notifications")
      .select("id")
      .where("id", "=", notificationId)
      .where(notificationsFor(this.s.actor))
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Marks one read for the caller (again is a no-op); true when it was unread. */
  async markRead(notificationId: string): Promise<boolean> {
    const r = await this.s.trx
      .insertInto("notification_reads")
      .values({
        notification_id: notificationId,
        user_id: this.s.actor.userId,
        read_at: this.s.nowIso,
      })
      .onConflict((oc) => oc.columns(["user_id", "notification_id"]).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /** Marks everything the caller can see and has not read, up to now, in one statement. */
  async markAllRead(): Promise<number> {
    const { userId } = this.s.actor;
    const r = await this.s.trx
      .insertInto("notification_reads")
      .columns(["notification_id", "user_id", "read_at"])
      .expression((eb) =>
        eb
          .selectFrom("notifications")
          .select([
            "notifications.id",
            sql<string>`cast(${userId} as text)`.as("user_id"),
            sql<string>`cast(${this.s.nowIso} as text)`.as("read_at"),
          ])
          .where(notificationsFor(this.s.actor))
          .where("notifications.created_at", "<=", this.s.nowIso)
          .where(this.unreadByCaller()),
      )
      .onConflict((oc) => oc.columns(["user_id", "notification_id"]).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0);
  }
}

function parseData(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text);
    return v && typeof v === "object" ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
