import type { SystemScope } from "../scope.ts";
import { sealText } from "../sealed-text.ts";

/** What a tip from the public page leaves beside its case: the receipt, the sender's words. */
export class TipsRepository {
  constructor(private readonly s: SystemScope) {}

  /** The receipt code the sender was given for the case. */
  async addReceipt(caseId: string, code: string): Promise<void> {
    await this.s.trx
      .insertInto("tip_receipts")
      .values({ code, case_id: caseId, created_at: this.s.nowIso })
      .execute();
  }

  /** What the sender saw and how to reach them, sealed at rest (never logged). */
  async addMessage(caseId: string, message: { narrative?: string; contact?: string }) {
    const seal = (column: string, v: string | undefined) =>
      v === undefined ? null : sealText(this.s.keyring, "tip_messages", column, caseId, v);
    await this.s.trx
      .insertInto("tip_messages")
      .values({
        case_id: caseId,
        narrative: seal("narrative", message.narrative),
        contact: seal("contact", message.contact),
        created_at: this.s.nowIso,
      })
      .execute();
  }
}
