import type { NotificationKind } from "../../../domain/notifications.ts";
import type { Role } from "../../../domain/roles.ts";
import { newId } from "../../ids.ts";
import type { ActingScope } from "../scope.ts";

/**
 * Notifications the caller's work leaves for an agency or a person. Their data names records
 * (ids, codes), never a person: whoever reads a notification opens the app to learn more,
 * where the policy decides what they see. Work without a caller (a public tip) leaves them too.
 */
export class NotificationsRepository {
  constructor(private readonly s: ActingScope) {}

  /** Tells every member of an agency that something arrived for it. */
  toAgency(
    agencyId: string,
    kind: NotificationKind,
    data: Record<string, string>,
  ): Promise<string> {
    return this.insert({ agency_id: agencyId, user_id: null }, kind, data);
  }

  /** Tells one person (a case handed to them, an obligation reassigned to them). */
  toUser(userId: string, kind: NotificationKind, data: Record<string, string>): Promise<string> {
    return this.insert({ agency_id: null, user_id: userId }, kind, data);
  }

  /** Tells each active person holding one of `roles`, wherever they sit (the state's alerts). */
  async toRoleHolders(
    roles: readonly Role[],
    kind: NotificationKind,
    data: Record<string, string>,
  ): Promise<number> {
    if (roles.length === 0) return 0;
    const people = await this.s.trx
      .selectFrom("memberships")
      .innerJoin("users", "users.id", "memberships.user_id")
      .select("users.id")
      .distinct()
      .where("memberships.role", "in", roles)
      .where("users.status", "=", "active")
      .execute();
    for (const p of people) await this.toUser(p.id, kind, data);
    return people.length;
  }

  private async insert(
    to: { agency_id: string | null; user_id: string | null },
    kind: NotificationKind,
    data: Record<string, string>,
  ): Promise<string> {
    const id = newId();
    await this.s.trx
      .insertInto("notifications")
      .values({
        id,
        ...to,
        kind,
        data: JSON.stringify(data),
        created_at: this.s.nowIso,
      })
      .execute();
    return id;
  }
}
