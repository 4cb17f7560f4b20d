import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { fixedClock } from "../../src/server/clock.ts";
import type { AppContext } from "../../src/server/context.ts";
import { CpsRoutingRepository } from "../../src/server/repositories/intake/cps-routing.ts";
import { TEST_KEYRING, testApp, testContext } from "../support/context.ts";
import { describeOnEachDatabase } from "../support/databases.ts";
import { buildAgency, buildUser } from "../support/factories.ts";
import { signedIn, type TestClient } from "../support/http-client.ts";

const commercialSex = { act: true, valueExchanged: true };
const child = (countyFips: string) => ({
  source: "school",
  countyFips,
  persons: [{ part: "victim", givenName: "Test", ageYears: 14 }],
  facts: { subject: { age: 14 }, sex: commercialSex },
});

/**
 * Issue 13: every report reaches a person. A child's report goes to the county's CPS office and
 * its investigator by name; an office with no one falls back to the statewide office and tells
 * the state's coordinator; a public tip lands with the people who triage the statewide queue.
 */
describeOnEachDatabase("routing reports to a named person", (t) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  let screener: TestClient;
  let countyInvestigator: { userId: string };
  let statewideInvestigator: { userId: string };
  let coordinator: { userId: string };
  const clock = fixedClock(new Date("2026-10-05T16:00:00Z"));

  before(async () => {
    ctx = testContext(t.db, clock);
    app = await testApp(ctx);
    const school = await buildAgency(t.db, { kind: "other" });
    const smith = await buildAgency(t.db, { kind: "cps", county_fips: "28129" });
    await buildAgency(t.db, { kind: "cps", county_fips: "28049" }); // Hinds: nobody there
    const statewide = await buildAgency(t.db, { kind: "cps", county_fips: null });
    const mbi = await buildAgency(t.db, { kind: "mbi" });
    screener = await signedIn(
      app,
      await buildUser(ctx, { agencyId: school.id, role: "screener" }),
      clock,
    );
    countyInvestigator = await buildUser(ctx, { agencyId: smith.id, role: "cps_investigator" });
    statewideInvestigator = await buildUser(ctx, {
      agencyId: statewide.id,
      role: "cps_investigator",
    });
    coordinator = await buildUser(ctx, { agencyId: mbi.id, role: "state_coordinator" });
  });
  after(async () => {
    await app.close();
  });

  const caseRow = (id: string) =>
    t.db.kysely.selectFrom("cases").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const openObligations = (caseId: string) =>
    t.db.kysely
      .selectFrom("obligations")
      .select(["owner_role", "owner_user_id", "action_id"])
      .where("case_id", "=", caseId)
      .where("status", "=", "open")
      .execute();

  it("assigns a child's report to its county office's investigator by name", async () => {
    const res = await screener.post("/api/v1/cases", child("28129"));
    assert.equal(res.statusCode, 201, res.body);
    const row = await caseRow(res.json().caseId);
    assert.equal(row.assigned_user_id, countyInvestigator.userId);
    const cps = (await openObligations(row.id)).filter((o) => o.owner_role === "cps_investigator");
    assert.ok(cps.length > 0);
    assert.ok(cps.every((o) => o.owner_user_id === countyInvestigator.userId));
    const reporter = (await openObligations(row.id)).filter((o) => o.owner_role === "reporter");
    assert.ok(reporter.every((o) => o.owner_user_id !== countyInvestigator.userId));
  });

  it("falls back to the statewide office when the county's has no one, and alerts the state", async () => {
    const res = await screener.post("/api/v1/cases", child("28049"));
    assert.equal(res.statusCode, 201, res.body);
    const row = await caseRow(res.json().caseId);
    assert.equal(row.assigned_user_id, statewideInvestigator.userId);
    const alerts = await t.db.kysely
      .selectFrom("notifications")
      .select(["user_id", "data"])
      .where("kind", "=", "routing.fallback")
      .execute();
    const alert = alerts.find((a) => JSON.parse(a.data).caseId === row.id);
    assert.equal(alert?.user_id, coordinator.userId);
  });

  it("gives every open obligation a person or a staffed queue", async () => {
    const cases = await t.db.kysely.selectFrom("cases").select("id").execute();
    for (const c of cases) {
      const row = await caseRow(c.id);
      for (const o of await openObligations(c.id)) {
        if (o.owner_user_id !== null) continue;
        const staffed = await t.db.kysely
          .selectFrom("memberships")
          .select("id")
          .where("agency_id", "=", row.agency_id)
          .where("role", "=", o.owner_role)
          .executeTakeFirst();
        assert.ok(staffed, `${o.action_id} waits in a queue nobody holds`);
      }
    }
  });

  it("lands a public tip with the person who triages the statewide queue", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/tips",
      payload: {
        countyFips: "28129",
        facts: { subject: { age: 30 }, labor: { performed: true }, means: { force: true } },
        narrative: "Workers are kept locked in at night.",
      },
    });
    assert.equal(res.statusCode, 201, res.body);
    const latest = await t.db.kysely
      .selectFrom("cases")
      .selectAll()
      .where("source", "=", "public_web_form")
      .executeTakeFirstOrThrow();
    assert.equal(latest.assigned_user_id, coordinator.userId);
    const reporter = (await openObligations(latest.id)).filter((o) => o.owner_role === "reporter");
    assert.ok(reporter.length > 0);
    assert.ok(reporter.every((o) => o.owner_user_id === coordinator.userId));
  });

  it("lists the counties whose reports would not reach their own office", async () => {
    const unreached = await t.db.kysely.transaction().execute((trx) =>
      new CpsRoutingRepository({
        trx,
        actor: null,
        keyring: TEST_KEYRING,
        clock,
        now: clock.now(),
        nowIso: clock.now().toISOString(),
      }).unreachedCounties(),
    );
    const byFips = new Map(unreached.map((c) => [c.countyFips, c.fallsTo]));
    assert.equal(byFips.has("28129"), false, "Smith County's office has an investigator");
    assert.equal(byFips.get("28049"), "statewide", "Hinds falls back to the statewide office");
    assert.equal(unreached.length, 81);
  });
});
