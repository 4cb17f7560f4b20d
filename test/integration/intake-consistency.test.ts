import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { fixedClock } from "../../src/server/clock.ts";
import type { AppContext } from "../../src/server/context.ts";
import { testApp, testContext } from "../support/context.ts";
import { describeOnEachDatabase } from "../support/databases.ts";
import { buildAgency, signedInAs } from "../support/factories.ts";
import type { TestClient } from "../support/http-client.ts";

/**
 * Issue 13: the people of an intake agree with themselves and with the screening, and a plan
 * item does not end before it starts; each refusal names the exact field, in plain words.
 */
describeOnEachDatabase("consistency checks at intake and in plans", (t) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  let advocate: TestClient;
  const clock = fixedClock(new Date("2026-10-05T16:00:00Z"));
  const facts15 = { subject: { age: 15 }, sex: { act: true, valueExchanged: true } };
  const count = async () =>
    Number(
      (
        await t.db.kysely
          .selectFrom("cases")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const intake = (persons: object[], facts: object = facts15) =>
    advocate.post("/api/v1/cases", { source: "shelter", persons, facts });

  before(async () => {
    ctx = testContext(t.db, clock);
    app = await testApp(ctx);
    const agency = await buildAgency(t.db, { kind: "victim_services", county_fips: "28049" });
    advocate = await (
      await signedInAs(ctx, "victim_advocate", { id: agency.id }, { mfa: true })
    ).signIn(app);
  });
  after(async () => {
    await app.close();
  });

  it("refuses a victim aged 16 after the screening said 15, naming the age field", async () => {
    const before = await count();
    const res = await intake([{ part: "reporter" }, { part: "victim", ageYears: 16 }]);
    assert.equal(res.statusCode, 400, res.body);
    const { error } = res.json();
    assert.equal(error.code, "invalid_input");
    assert.equal(error.field, "persons.1.ageYears");
    assert.match(error.message, /^The screening recorded the victim as 15 years old/);
    assert.equal(await count(), before, "nothing was written");
    assert.equal((await intake([{ part: "victim", ageYears: 15 }])).statusCode, 201);
  });

  it("refuses an age that disagrees with the birth date on the day received", async () => {
    const res = await intake([{ part: "victim", birthDate: "2011-03-01", ageYears: 14 }]);
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().error.field, "persons.0.ageYears");
    assert.match(res.json().error.message, /the person was 15\.$/);
    const born = await intake([{ part: "victim", birthDate: "2011-03-01", ageYears: 15 }]);
    assert.equal(born.statusCode, 201, born.body);
    const future = await intake([{ part: "victim", birthDate: "2026-10-06" }]);
    assert.equal(future.json().error.field, "persons.0.birthDate");
  });

  it("checks a victim known only by birth date against the screening's minor or adult", async () => {
    const res = await intake([{ part: "victim", birthDate: "1990-01-01" }], {
      subject: { ageGroup: "minor" },
      sex: { act: true, valueExchanged: true },
    });
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().error.field, "persons.0.birthDate");
    assert.match(res.json().error.message, /under 18/);
  });

  it("refuses a plan item that ends before it starts, at creation and when moved along", async () => {
    const made = await intake([{ part: "victim", ageYears: 15 }]);
    const caseId = made.json().caseId as string;
    const view = await advocate.get(`/api/v1/cases/${caseId}`);
    const personId = view.json().persons[0].id as string;
    const item = { domain: "health", need: "An exam", service: "exam", startsOn: "2026-10-10" };
    const bad = await advocate.post(`/api/v1/cases/${caseId}/plans`, {
      personId,
      items: [{ ...item, endsOn: "2026-10-09" }],
    });
    assert.equal(bad.statusCode, 400, bad.body);
    assert.equal(bad.json().error.field, "items.0.endsOn");
    assert.match(bad.json().error.message, /on or after the start date/);
    const plan = await advocate.post(`/api/v1/cases/${caseId}/plans`, { personId, items: [item] });
    assert.equal(plan.statusCode, 201, plan.body);
    const url = `/api/v1/plans/${plan.json().id}/items/${plan.json().itemIds[0]}`;
    const early = await advocate.request("PATCH", url, {
      version: 1,
      status: "completed",
      endsOn: "2026-10-01",
    });
    assert.equal(early.statusCode, 400, early.body);
    assert.equal(early.json().error.field, "endsOn");
    const onTime = await advocate.request("PATCH", url, {
      version: 1,
      status: "completed",
      endsOn: "2026-10-10",
    });
    assert.equal(onTime.statusCode, 200, onTime.body);
  });
});
