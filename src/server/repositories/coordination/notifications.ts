import { newId } from "../../ids.ts";
import type { Scope } from "../scope.ts";

/**
 * Notifications the caller's work leaves for an agency or a person. Their data names records
 * (ids, codes), never a person: whoever reads a notification opens the app to learn more,
 * where the policy decides what they see.
 */
export class NotificationsRepository {
  constructor(private readonly s: Scope) {}

  /** Tells every member of an agency that something arrived for it. */
  async toAgency(agencyId: string, kind: string, data: Record<string, string>): Promise<string> {
    const id = newId();
    await this.s.trx
      .insertInto("notifications")
      .values({
        id,
        agency_id: agencyId,
        user_id: null,
        kind,
        data: JSON.stringify(data),
        created_at: this.s.nowIso,
        read_at: null,
      })
      .execute();
    return id;
  }
}
