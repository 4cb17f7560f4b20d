import type { Kysely } from "kysely";

/**
 * Which record a timeline event is about (a note, a document, a plan, a plan item, a referral),
 * as columns, so the timeline query can apply the same visibility filter as the record's own
 * list (issue 10, defect 6) in SQL on both databases. Existing events are filled in from the ids
 * their data already carries.
 */
const FROM_DATA: Record<string, [recordType: string, key: string]> = {
  note_added: ["note", "noteId"],
  document_added: ["document", "documentId"],
  plan_created: ["plan", "planId"],
  plan_item_added: ["plan_item", "itemId"],
  plan_item_updated: ["plan_item", "itemId"],
  referral_sent: ["referral", "referralId"],
  referral_accepted: ["referral", "referralId"],
  referral_declined: ["referral", "referralId"],
  referral_completed: ["referral", "referralId"],
};

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("case_events").addColumn("record_type", "text").execute();
  await db.schema.alterTable("case_events").addColumn("record_id", "text").execute();
  const rows = await db
    .selectFrom("case_events")
    .select(["id", "kind", "data"])
    .where("kind", "in", Object.keys(FROM_DATA))
    .execute();
  for (const row of rows as { id: string; kind: string; data: string }[]) {
    const [recordType, key] = FROM_DATA[row.kind] as [string, string];
    const recordId = (JSON.parse(row.data) as Record<string, unknown>)[key];
    // An event whose id is missing keeps a type and no id: the filter then hides it (deny).
    await db
      .updateTable("case_events")
      .set({ record_type: recordType, record_id: typeof recordId === "string" ? recordId : null })
      .where("id", "=", row.id)
      .execute();
  }
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("case_events").dropColumn("record_id").execute();
  await db.schema.alterTable("case_events").dropColumn("record_type").execute();
}
