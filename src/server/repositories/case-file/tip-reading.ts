import type { Scope } from "../scope.ts";
import { openText } from "../sealed-text.ts";

/** What a member of the public wrote with a tip, sealed at rest (the writes belong to intake). */
export class TipReadingRepository {
  constructor(private readonly s: Scope) {}

  /** The tip's message on the case, opened, or undefined when the sender wrote nothing. */
  async messageOf(caseId: string) {
    const row = await this.s.trx
      .selectFrom("tip_messages")
      .selectAll()
      .where("case_id", "=", caseId)
      .executeTakeFirst();
    if (!row) return undefined;
    const open = (column: "narrative" | "contact") => {
      const v = row[column];
      return v === null ? null : openText(this.s.keyring, "tip_messages", column, caseId, v);
    };
    return { narrative: open("narrative"), contact: open("contact"), receivedAt: row.created_at };
  }

  /**
   * What the report said, for the case page: where it happened and, for a public tip, the
   * sender's own words and contact. Opened here only because the caller's unit of work asked
   * for it after the policy disclosed it (`readTip`); otherwise the ciphertext is never read.
   */
  async reportOf(caseId: string, venue: string | null) {
    const message = await this.messageOf(caseId);
    return {
      venue,
      narrative: message?.narrative ?? null,
      contact: message?.contact ?? null,
    };
  }
}
