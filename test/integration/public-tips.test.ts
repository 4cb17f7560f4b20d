import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { fixedClock } from "../../src/server/clock.ts";
import { testApp, testContext } from "../support/context.ts";
import { describeOnEachDatabase } from "../support/databases.ts";
import { TestClient } from "../support/http-client.ts";

/** Issue 13 (public pages): a tip that says nothing is refused, at the field for the words. */
describeOnEachDatabase("public tips", (t) => {
  let app: FastifyInstance;
  const caseCount = async () =>
    Number(
      (
        await t.db.kysely
          .selectFrom("cases")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  before(async () => {
    app = await testApp(testContext(t.db, fixedClock(new Date("2026-10-05T16:00:00Z"))));
  });
  after(async () => {
    await app?.close();
  });

  for (const [what, body] of [
    ["nothing at all", {}],
    ["only whitespace", { narrative: " \n\t  " }],
    ["only where and how to reach the sender", { countyFips: "28049", contact: "555-0100" }],
    ["facts that are all unknown", { narrative: "   ", facts: { subject: { age: null } } }],
    ["an empty list of indicators", { facts: { indicators: [], sex: {} } }],
  ] as const) {
    it(`refuses an empty tip (${what}) with 400 at the narrative, in plain words`, async () => {
      const before = await caseCount();
      const res = await new TestClient(app, "203.0.113.21").post("/api/v1/tips", body);
      assert.equal(res.statusCode, 400, res.body);
      const { error } = res.json();
      assert.equal(error.code, "invalid_input");
      assert.equal(error.field, "narrative");
      assert.match(error.message, /^The tip is empty\. Write what you saw/);
      assert.doesNotMatch(error.message, /narrative|string|character/i, "plain words");
      assert.equal(await caseCount(), before, "no case is opened");
    });
  }

  it("takes a tip that says something in words or in one answer", async () => {
    const client = new TestClient(app, "203.0.113.22");
    const words = await client.post("/api/v1/tips", { narrative: "  Seen at the motel  " });
    assert.equal(words.statusCode, 201, words.body);
    const answer = await client.post("/api/v1/tips", {
      narrative: "   ",
      facts: { subject: { ageGroup: "minor" } },
    });
    assert.equal(answer.statusCode, 201, answer.body);
    const stored = await t.db.kysely.selectFrom("tip_messages").select("case_id").execute();
    assert.equal(stored.length, 1, "only whitespace stores no words");
  });
});
