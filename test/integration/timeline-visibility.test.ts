import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import * as migration from "../../src/server/db/migrations/2026112908_case_event_records.ts";
import { newId } from "../../src/server/ids.ts";
import { type ConsentWorld, consentWorld } from "../support/consent-setup.ts";
import { describeOnEachDatabase } from "../support/databases.ts";

interface Event {
  kind: string;
  data: Record<string, unknown>;
}

const PDF = Buffer.from("%PDF-1.4\n% synthetic timeline test\n%%EOF\n");

// Issue 10, defect 6: the timeline hides events about records the reader may not see.
describeOnEachDatabase("the timeline shows only events about what the reader may see", (t) => {
  let w: ConsentWorld;
  const ids = { note: "", document: "", sharedNote: "", plan: "", health: "", legal: "", ref: "" };
  const timeline = async (who: "advocate" | "nurse" | "ht") => {
    const res = await w.as(who).get(`/api/v1/cases/${w.adult.id}/timeline`);
    assert.equal(res.statusCode, 200, res.body);
    return { body: res.body, events: res.json().events as Event[] };
  };
  const mentions = (events: Event[], id: string) =>
    events.filter((e) => Object.values(e.data).includes(id)).map((e) => e.kind);

  before(async () => {
    w = await consentWorld(t);
    const caseUrl = `/api/v1/cases/${w.adult.id}`;
    const note = await w.as("advocate").post(`${caseUrl}/notes`, {
      body: "Advocate: safety plan",
      aboutPersonId: w.adult.person.victim,
    });
    assert.equal(note.json().confidential, true, note.body);
    ids.note = note.json().id;
    const advocate = w.as("advocate");
    const doc = await w.app.inject({
      method: "POST",
      url: `${caseUrl}/documents?name=a.pdf&aboutPersonId=${w.adult.person.victim}`,
      headers: {
        cookie: advocate.cookie as string,
        "x-csrf-token": advocate.csrf as string,
        "content-type": "application/pdf",
      },
      payload: PDF,
    });
    assert.equal(doc.statusCode, 201, doc.body);
    ids.document = doc.json().id;
    ids.sharedNote = (
      await w.as("ht").post(`${caseUrl}/notes`, { body: "HT: interview" })
    ).json().id;
    const plan = await w.as("advocate").post(`${caseUrl}/plans`, {
      personId: w.adult.person.victim,
      items: [
        { domain: "health", need: "STI care", service: "testing" },
        { domain: "legal", need: "T visa", service: "immigration" },
      ],
    });
    assert.equal(plan.statusCode, 201, plan.body);
    ids.plan = plan.json().id;
    [ids.health, ids.legal] = plan.json().itemIds;
    const item = await w.as("advocate").post(`/api/v1/plans/${ids.plan}/items`, {
      domain: "health",
      need: "Pregnancy test",
      service: "testing",
    });
    assert.equal(item.statusCode, 201, item.body);
    const ref = await w.as("advocate").post(`${caseUrl}/referrals`, {
      personId: w.adult.person.victim,
      toAgencyId: w.agencies.medical,
      domain: "health",
      service: "testing",
      disclosesIdentity: false,
    });
    ids.ref = ref.json().id;
  });
  after(async () => {
    await w.app.close();
  });

  it("hides confidential notes and documents, plan events and referrals of victim services", async () => {
    const { events, body } = await timeline("ht");
    for (const id of [ids.note, ids.document, ids.plan, ids.health, ids.legal, ids.ref])
      assert.deepEqual(mentions(events, id), [], `no event about ${id}`);
    assert.ok(!body.includes('"confidential":true'), "no trace of a confidential note");
    assert.ok(!events.some((e) => e.kind === "plan_item_added"), "not even the added item");
    assert.deepEqual(mentions(events, ids.sharedNote), ["note_added"], "shared notes are listed");
    const nurse = await timeline("nurse");
    assert.deepEqual(mentions(nurse.events, ids.plan), []);
    assert.deepEqual(
      mentions(nurse.events, ids.ref),
      ["referral_sent"],
      "the recipient sees its referral",
    );
    const own = await timeline("advocate");
    assert.deepEqual(mentions(own.events, ids.note), ["note_added"]);
    assert.deepEqual(mentions(own.events, ids.document), ["document_added"]);
    assert.deepEqual(mentions(own.events, ids.plan).sort(), ["plan_created", "plan_item_added"]);
  });

  it("shows them under the right consent, and hides them again when it is revoked", async () => {
    const notes = await w.consent(w.adult, "law_enforcement", ["case_notes"]);
    assert.equal(notes.statusCode, 201, notes.body);
    const ht = (await timeline("ht")).events;
    assert.deepEqual(mentions(ht, ids.note), ["note_added"]);
    assert.deepEqual(mentions(ht, ids.document), ["document_added"]);
    assert.deepEqual(mentions(ht, ids.plan), [], "a case-notes consent does not release the plan");

    const health = await w.consent(w.adult, "medical", ["health"]);
    assert.equal(health.statusCode, 201, health.body);
    const nurse = (await timeline("nurse")).events;
    assert.ok(
      mentions(nurse, ids.plan).includes("plan_created"),
      "a health consent shows the plan",
    );
    assert.deepEqual(
      nurse.filter((e) => e.kind === "plan_item_added").map((e) => e.data.domain),
      ["health"],
      "only the health item's event",
    );
    for (const c of [notes, health]) {
      const revoked = await w.as("advocate").post(`/api/v1/consents/${c.json().id}/revoke`, {});
      assert.equal(revoked.statusCode, 204, revoked.body);
    }
    assert.deepEqual(mentions((await timeline("ht")).events, ids.note), []);
    assert.deepEqual(mentions((await timeline("nurse")).events, ids.plan), []);
  });

  // Last: it takes the newest migration down and up again on this suite's database.
  it("fills in the record of events written before the migration, so old ones are hidden too", async () => {
    await migration.down(t.db.kysely);
    const legacy = newId();
    await t.db.kysely
      .insertInto("case_events")
      .values({
        id: legacy,
        case_id: w.adult.id,
        occurred_at: w.clock.now().toISOString(),
        kind: "note_added",
        actor_user_id: null,
        data: JSON.stringify({ noteId: ids.note, confidential: true }),
      } as never)
      .execute();
    await migration.up(t.db.kysely);
    const row = await t.db.kysely
      .selectFrom("case_events")
      .select(["record_type", "record_id"])
      .where("id", "=", legacy)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { record_type: "note", record_id: ids.note });
    const { events } = await timeline("ht");
    assert.ok(!events.some((e) => e.data.noteId === ids.note), "the old event is hidden as well");
  });
});
