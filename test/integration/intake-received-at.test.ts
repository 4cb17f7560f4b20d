import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { fixedClock } from "../../src/server/clock.ts";
import type { AppContext } from "../../src/server/context.ts";
import { testApp, testContext } from "../support/context.ts";
import { describeOnEachDatabase } from "../support/databases.ts";
import { buildAgency, buildUser } from "../support/factories.ts";
import { signedIn, type TestClient } from "../support/http-client.ts";

const MINUTE = 60_000;

/** Every legal clock runs from `receivedAt`: a time in the future would start them late. */
describeOnEachDatabase("intake refuses a receivedAt in the future", (t) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  let screener: TestClient;
  const clock = fixedClock(new Date("2026-10-05T16:00:00Z"));
  const at = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();

  before(async () => {
    ctx = testContext(t.db, clock);
    app = await testApp(ctx);
    const school = await buildAgency(t.db, { kind: "other" });
    screener = await signedIn(
      app,
      await buildUser(ctx, { agencyId: school.id, role: "screener" }),
      clock,
    );
  });
  after(async () => {
    await app.close();
  });

  const cases = async () =>
    Number(
      (
        await t.db.kysely
          .selectFrom("cases")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const intake = (receivedAt: string) =>
    screener.post("/api/v1/cases", {
      source: "school",
      receivedAt,
      persons: [{ part: "victim", ageYears: 15 }],
      facts: { subject: { age: 15 }, sex: { act: true, valueExchanged: true } },
    });

  it("answers 400 naming receivedAt for a time three days ahead, and writes nothing", async () => {
    const before = await cases();
    for (const receivedAt of [
      at(3 * 24 * 60 * MINUTE),
      at(6 * MINUTE),
      "2026-10-05T11:10:00-05:00",
    ]) {
      const res = await intake(receivedAt);
      assert.equal(res.statusCode, 400, `${receivedAt}: ${res.body}`);
      assert.deepEqual(res.json().error, {
        code: "invalid_input",
        message: "receivedAt: must not be in the future (it is later than the server's clock)",
        field: "receivedAt",
      });
    }
    assert.equal(await cases(), before);
  });

  it("accepts a time a few minutes ahead (a device clock running fast) and any past time", async () => {
    for (const receivedAt of [at(4 * MINUTE), at(0), at(-90 * MINUTE)]) {
      const res = await intake(receivedAt);
      assert.equal(res.statusCode, 201, `${receivedAt}: ${res.body}`);
    }
  });
});
