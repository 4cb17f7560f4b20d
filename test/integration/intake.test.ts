import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { SPECIALIZED_PLAN_HOURS } from "../../src/domain/obligations.ts";
import { fixedClock } from "../../src/server/clock.ts";
import type { AppContext } from "../../src/server/context.ts";
import { openJson, openOptional } from "../../src/server/repositories/sealed-text.ts";
import { TEST_KEYRING, testApp, testContext } from "../support/context.ts";
import { describeOnEachDatabase } from "../support/databases.ts";
import { buildAgency, buildUser } from "../support/factories.ts";
import { signedIn, TestClient } from "../support/http-client.ts";

const HOUR = 3_600_000;
const commercialSex = { act: true, valueExchanged: true };
const MINOR_ONLY = [
  "report_cps",
  "report_mbi_ht_coordinator",
  "report_attorney_general",
  "rapid_assessment_team",
  "cps_in_person_contact_24h",
  "cps_specialized_plan",
];

describeOnEachDatabase("intake and obligations", (t) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  let screener: TestClient;
  let cps: TestClient;
  let coordinator: TestClient;
  const clock = fixedClock(new Date("2026-10-05T16:00:00Z"));

  before(async () => {
    ctx = testContext(t.db, clock);
    app = await testApp(ctx);
    const school = await buildAgency(t.db, { kind: "other" });
    const cpsAgency = await buildAgency(t.db, { kind: "cps" });
    const mbi = await buildAgency(t.db, { kind: "mbi" });
    screener = await signedIn(
      app,
      await buildUser(ctx, { agencyId: school.id, role: "screener" }),
      clock,
    );
    cps = await signedIn(
      app,
      await buildUser(ctx, { agencyId: cpsAgency.id, role: "cps_investigator", mfa: true }),
      clock,
    );
    coordinator = await signedIn(
      app,
      await buildUser(ctx, { agencyId: mbi.id, role: "state_coordinator", mfa: true }),
      clock,
    );
  });
  after(async () => {
    await app.close();
  });

  const intake = (client: TestClient, body: object) => client.post("/api/v1/cases", body);

  it("creates exactly the contract's obligations for a minor, with their clocks", async () => {
    const receivedAt = "2026-10-05T09:30:00-05:00"; // 14:30 UTC, an hour and a half before intake
    const res = await intake(screener, {
      source: "school",
      countyFips: "28049",
      receivedAt,
      persons: [{ part: "victim", givenName: "Test", ageYears: 15 }],
      facts: { subject: { age: 15 }, sex: commercialSex },
    });
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    assert.equal(body.determination, "sex_trafficking_minor");
    assert.match(body.caseNumber, /^MS-2026-\d{6}$/);
    const byAction = Object.fromEntries(
      body.obligations.map((o: { actionId: string }) => [o.actionId, o]),
    );
    assert.deepEqual(Object.keys(byAction).sort(), [
      "contact_victim_advocate",
      "cps_in_person_contact_24h",
      "cps_specialized_plan",
      "document_everything",
      "medical_or_shelter_not_detention",
      "rapid_assessment_team",
      "report_attorney_general",
      "report_cps",
      "report_mbi_ht_coordinator",
    ]);
    const received = new Date(receivedAt).getTime();
    assert.equal(
      byAction.report_cps.dueAt,
      clock.now().toISOString(),
      "immediately = due at intake",
    );
    assert.equal(
      byAction.rapid_assessment_team.dueAt,
      new Date(received + 24 * HOUR).toISOString(),
    );
    assert.equal(
      byAction.cps_in_person_contact_24h.dueAt,
      new Date(received + 24 * HOUR).toISOString(),
    );
    assert.equal(
      byAction.cps_specialized_plan.dueAt,
      new Date(received + SPECIALIZED_PLAN_HOURS * HOUR).toISOString(),
    );
    assert.equal(byAction.report_cps.ownerRole, "reporter");
    assert.equal(byAction.rapid_assessment_team.ownerRole, "cps_investigator");
    const stored = await t.db.kysely
      .selectFrom("assessments")
      .selectAll()
      .where("case_id", "=", body.caseId)
      .executeTakeFirstOrThrow();
    assert.equal(stored.engine_version, "1.0.0");
    // Facts are sealed at rest (they may carry free text); they open to what was submitted.
    assert.deepEqual(openJson(TEST_KEYRING, "assessments", "facts", stored.id, stored.facts), {
      subject: { age: 15 },
      sex: commercialSex,
    });
  });

  it("draws the line between 17 and 18", async () => {
    const at = async (age: number) =>
      (
        await intake(screener, {
          source: "medical",
          facts: { subject: { age }, sex: commercialSex, means: { coercion: true } },
        })
      )
        .json()
        .obligations.map((o: { actionId: string }) => o.actionId);
    const seventeen = await at(17);
    const eighteen = await at(18);
    for (const id of MINOR_ONLY) {
      assert.ok(seventeen.includes(id), `17 lacks ${id}`);
      assert.ok(!eighteen.includes(id), `18 has ${id}`);
    }
    assert.ok(eighteen.includes("offer_law_enforcement_contact"));
  });

  it("puts each obligation in its owner's work queue, soonest first", async () => {
    const mine = (await screener.get("/api/v1/me/obligations")).json().obligations;
    assert.ok(mine.length > 0);
    assert.ok(mine.every((o: { ownerRole: string }) => o.ownerRole === "reporter"));
    const cpsQueue = (await cps.get("/api/v1/me/obligations")).json().obligations;
    // The school's report of a child was routed to the county's CPS office and assigned to its
    // investigator by name: CPS's own obligations (the team, in-person contact, the specialized
    // plan) are theirs, and so are the advocate's, which nobody at CPS's office could take.
    assert.ok(cpsQueue.length > 0, "the routed child's case reaches CPS");
    assert.ok(
      cpsQueue.every((o: { claimed: boolean }) => o.claimed),
      "owned by a named person",
    );
    assert.ok(cpsQueue.some((o: { ownerRole: string }) => o.ownerRole === "cps_investigator"));
    assert.ok(cpsQueue.every((o: { ownerRole: string }) => o.ownerRole !== "reporter"));
    const all = (await coordinator.get("/api/v1/me/obligations")).json().obligations;
    assert.equal(all.length, 0, "nothing is owned by the coordinator role");
    const dues = mine.map((o: { dueAt: string | null }) => o.dueAt).filter(Boolean);
    assert.deepEqual(dues, [...dues].sort());
  });

  it("closes an obligation with evidence, and answers 409 to an edit based on an old version", async () => {
    const [first] = (await screener.get("/api/v1/me/obligations")).json().obligations;
    const close = (body: object) => screener.post(`/api/v1/obligations/${first.id}/close`, body);
    const noReason = await close({ version: first.version, status: "not_applicable" });
    assert.equal(noReason.statusCode, 400);
    assert.equal(noReason.json().error.field, "reason");
    const done = await close({
      version: first.version,
      status: "done",
      // Issue 13: a report the law requires is recorded as made with its reference, whom and when.
      evidence: {
        reference: "CPS-24-0091",
        spokeWith: "Intake worker on duty",
        at: "2026-10-05T15:45:00Z",
      },
    });
    assert.equal(done.statusCode, 200, done.body);
    assert.equal(done.json().version, first.version + 1);
    const stale = await close({ version: first.version, status: "done" });
    assert.equal(stale.statusCode, 409);
    const row = await t.db.kysely
      .selectFrom("obligations")
      .selectAll()
      .where("id", "=", first.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, "done");
    assert.equal(
      openJson(TEST_KEYRING, "obligations", "evidence", row.id, row.evidence)?.reference,
      "CPS-24-0091",
      "the first edit is kept",
    );
    const queue = (await screener.get("/api/v1/me/obligations")).json().obligations;
    assert.ok(
      !queue.some((o: { id: string }) => o.id === first.id),
      "closed obligations leave the queue",
    );
    const outsider = await signedIn(
      app,
      await buildUser(ctx, {
        agencyId: (await buildAgency(t.db, { kind: "other" })).id,
        role: "screener",
      }),
      clock,
    );
    const foreign = await outsider.post(`/api/v1/obligations/${queue[0].id}/close`, {
      version: 1,
      status: "done",
    });
    assert.equal(foreign.statusCode, 404, "out of scope answers like missing");
  });

  it("re-assesses when facts change: adds the new obligations, retires the rest with the reason, 409 when stale", async () => {
    const opened = (
      await intake(screener, { source: "other", facts: { sex: commercialSex } })
    ).json();
    assert.equal(opened.determination, "possible_trafficking");
    const reassess = (body: object) =>
      screener.post(`/api/v1/cases/${opened.caseId}/assessments`, body);
    const res = await reassess({
      version: 1,
      facts: { subject: { age: 15 }, sex: commercialSex },
      reason: "School records show she is 15",
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.determination, "sex_trafficking_minor");
    assert.equal(body.version, 2);
    assert.ok(body.added.includes("report_cps") && body.added.includes("rapid_assessment_team"));
    assert.deepEqual(body.retired.sort(), ["establish_age", "national_hotline"]);
    const rows = await t.db.kysely
      .selectFrom("obligations")
      .select(["id", "action_id", "status", "reason"])
      .where("case_id", "=", opened.caseId)
      .execute();
    const establish = rows.find((r) => r.action_id === "establish_age");
    assert.equal(establish?.status, "not_applicable");
    assert.match(
      openOptional(
        TEST_KEYRING,
        "obligations",
        "reason",
        establish?.id ?? "",
        establish?.reason ?? null,
      ) ?? "",
      /School records show she is 15/,
    );
    assert.equal(
      rows.filter((r) => r.action_id === "contact_victim_advocate").length,
      1,
      "kept, not duplicated",
    );
    const stale = await reassess({ version: 1, facts: {}, reason: "an old screen" });
    assert.equal(stale.statusCode, 409);
    const assessments = await t.db.kysely
      .selectFrom("assessments")
      .select("determination")
      .where("case_id", "=", opened.caseId)
      .execute();
    assert.equal(assessments.length, 2);
  });

  it("lists overdue obligations for the state coordinator, oldest first, and for nobody else", async () => {
    // A report due "immediately" is overdue only after its hour of grace; each step stays
    // within the sessions' idle limit.
    for (let i = 0; i < 3; i++) {
      clock.advance(22 * 60_000);
      await coordinator.get("/api/v1/me");
      await screener.get("/api/v1/me");
    }
    const res = await coordinator.get("/api/v1/queues/overdue");
    assert.equal(res.statusCode, 200, res.body);
    const overdue = res.json().obligations;
    assert.ok(overdue.length > 0, "immediate reports left open are overdue");
    assert.ok(overdue.every((o: { overdueMinutes: number }) => o.overdueMinutes > 0));
    const dues = overdue.map((o: { dueAt: string }) => o.dueAt);
    assert.deepEqual(dues, [...dues].sort());
    assert.equal((await screener.get("/api/v1/queues/overdue")).statusCode, 403);
  });

  it("refuses intake to roles without case access, naming bad input fields", async () => {
    const analyst = await signedIn(
      app,
      await buildUser(ctx, {
        agencyId: (await buildAgency(t.db, { kind: "attorney_general" })).id,
        role: "analyst",
      }),
      clock,
    );
    assert.equal((await intake(analyst, { source: "other" })).statusCode, 403);
    const bad = await intake(screener, { source: "carrier_pigeon" });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.field, "source");
    const badFacts = await intake(screener, { source: "other", facts: { subject: { age: 300 } } });
    assert.equal(badFacts.json().error.field, "facts.subject.age");
  });

  it("takes a public tip without login and answers with a receipt code only", async () => {
    const anonymous = new TestClient(app, "203.0.113.7");
    const res = await anonymous.post("/api/v1/tips", {
      countyFips: "28047",
      facts: { subject: { ageGroup: "minor" }, sex: commercialSex },
      narrative: "A girl at the truck stop said she owes the driver ZEBRA-TIP-4471",
      contact: "555-0100",
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.deepEqual(Object.keys(res.json()), ["receiptCode"]);
    const stored = await t.db.kysely.selectFrom("tip_messages").selectAll().execute();
    assert.equal(stored.length, 1);
    assert.ok(!JSON.stringify(stored).includes("ZEBRA-TIP"), "the narrative is encrypted");
    const tip = await coordinator.get(`/api/v1/cases/${stored[0]?.case_id}/tip`);
    assert.equal(tip.statusCode, 200, tip.body);
    assert.match(tip.json().tip.narrative, /ZEBRA-TIP-4471/);
    assert.equal(tip.json().tip.contact, "555-0100");
    assert.match(res.json().receiptCode, /^[A-Z2-9]{10}$/);
    const cases = (await coordinator.get("/api/v1/cases")).json().cases;
    assert.ok(
      cases.some((c: { source: string }) => c.source === "public_web_form"),
      "the statewide queue reaches the coordinator",
    );
  });
});
