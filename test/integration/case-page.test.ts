import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { fixedClock } from "../../src/server/clock.ts";
import type { AppContext } from "../../src/server/context.ts";
import { testApp, testContext } from "../support/context.ts";
import { describeOnEachDatabase } from "../support/databases.ts";
import { buildAgency, buildUser } from "../support/factories.ts";
import { signedIn, TestClient } from "../support/http-client.ts";

const CANARY = "HERON-TIP-5150";

/**
 * The case page's header and report (issue 13): the case detail names the assigned worker and
 * the next deadline, and shows the report's words and venue only to a role that may read them.
 */
describeOnEachDatabase("case detail for the case page", (t) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  let coordinator: TestClient;
  let screener: TestClient;
  let screenerId: string;
  let caseId: string;
  let mbiId: string;
  const clock = fixedClock(new Date("2026-10-05T16:00:00Z"));

  before(async () => {
    ctx = testContext(t.db, clock);
    app = await testApp(ctx);
    await buildAgency(t.db, { kind: "cps" });
    const mbi = await buildAgency(t.db, { kind: "mbi" });
    mbiId = mbi.id;
    const school = await buildAgency(t.db, { kind: "other" });
    coordinator = await signedIn(
      app,
      await buildUser(ctx, { agencyId: mbi.id, role: "state_coordinator", mfa: true }),
      clock,
    );
    const screenerUser = await buildUser(ctx, { agencyId: school.id, role: "screener" });
    screenerId = screenerUser.userId;
    screener = await signedIn(app, screenerUser, clock);
    const sent = await new TestClient(app, "203.0.113.9").post("/api/v1/tips", {
      countyFips: "28047",
      venue: "truck_stop",
      facts: { subject: { ageGroup: "minor" }, sex: { act: true, valueExchanged: true } },
      narrative: `She said the driver keeps her papers ${CANARY}`,
      contact: "555-0199",
    });
    assert.equal(sent.statusCode, 201, sent.body);
    const stored = await t.db.kysely.selectFrom("tip_messages").select("case_id").execute();
    caseId = stored[0]?.case_id ?? "";
    // The screener is put on the team directly: in scope of the case, but not of identities.
    await t.db.kysely
      .insertInto("case_team")
      .values({ case_id: caseId, user_id: screenerId, added_at: clock.now().toISOString() })
      .execute();
  });
  after(async () => {
    await app.close();
  });

  it("shows the tip's words, contact and venue to a role that may read them", async () => {
    const res = await coordinator.get(`/api/v1/cases/${caseId}`);
    assert.equal(res.statusCode, 200, res.body);
    const detail = res.json();
    assert.equal(detail.abilities.readTip, true);
    assert.equal(detail.tip.venue, "truck_stop");
    assert.match(detail.tip.narrative, new RegExp(CANARY));
    assert.equal(detail.tip.contact, "555-0199");
    // A minor's tip opens reports with clocks: the header shows the most urgent one.
    assert.ok(detail.nextDue, "a next deadline");
    assert.equal(detail.nextDue.dueAt, detail.nextDueAt);
    assert.ok(["due_now", "due", "overdue"].includes(detail.nextDue.dueState));
    assert.ok(
      detail.assignedWorker === undefined || typeof detail.assignedWorker.displayName === "string",
    );
    const audit = await t.db.kysely
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "case.read")
      .where("record_id", "=", caseId)
      .execute();
    assert.ok(
      audit.some((a) => JSON.stringify(a).includes("tip.narrative")),
      "the read is audited",
    );
  });

  it("gives neither the words nor the venue to a role that may not read them", async () => {
    const res = await screener.get(`/api/v1/cases/${caseId}`);
    assert.equal(res.statusCode, 200, res.body);
    const detail = res.json();
    assert.equal(detail.abilities.readTip, false);
    assert.equal(detail.tip, undefined);
    assert.ok(!res.body.includes(CANARY), "no narrative");
    assert.ok(!res.body.includes("truck_stop"), "no venue");
    assert.ok(!res.body.includes("555-0199"), "no contact");
    const tip = await screener.get(`/api/v1/cases/${caseId}/tip`);
    assert.equal(tip.statusCode, 403);
  });

  it("names the assigned worker once the case is handed to one", async () => {
    const listed = await coordinator.get(`/api/v1/cases/${caseId}/workers?agencyId=${mbiId}`);
    const worker = listed.json().workers[0];
    assert.ok(worker, "the coordinator's agency has a worker");
    const assigned = await coordinator.post(`/api/v1/cases/${caseId}/transfer`, {
      agencyId: mbiId,
      userId: worker.userId,
    });
    assert.equal(assigned.statusCode, 200, assigned.body);
    const detail = (await coordinator.get(`/api/v1/cases/${caseId}`)).json();
    assert.deepEqual(detail.assignedWorker, {
      userId: worker.userId,
      displayName: worker.displayName,
    });
    const obligations = (await coordinator.get(`/api/v1/cases/${caseId}/obligations`)).json()
      .obligations as { mayReassign: boolean; mayTake: boolean; status: string }[];
    assert.ok(obligations.some((o) => o.status === "open" && o.mayReassign));
  });

  it("lets an obligation's owner list the case's workers and pass it on; others not", async () => {
    const refused = await screener.get(`/api/v1/cases/${caseId}/workers`);
    assert.equal(refused.statusCode, 403, "neither assigns the case nor owns its work");
    const open = await t.db.kysely
      .selectFrom("obligations")
      .select(["id", "version"])
      .where("case_id", "=", caseId)
      .where("status", "=", "open")
      .orderBy("id")
      .executeTakeFirstOrThrow();
    await t.db.kysely
      .updateTable("obligations")
      .set({ owner_user_id: screenerId })
      .where("id", "=", open.id)
      .execute();
    const listed = await screener.get(`/api/v1/cases/${caseId}/workers`);
    assert.equal(listed.statusCode, 200, listed.body);
    const elsewhere = await screener.get(`/api/v1/cases/${caseId}/workers?agencyId=${mbiId}`);
    assert.equal(elsewhere.statusCode, 403, "another agency's workers are for a transfer");
    const mine = (await screener.get(`/api/v1/cases/${caseId}/obligations`)).json().obligations as {
      id: string;
      mayReassign: boolean;
      ownerName: string | null;
    }[];
    assert.equal(mine.find((o) => o.id === open.id)?.mayReassign, true);
    const to = listed.json().workers[0];
    assert.ok(to, "the holding agency has a worker");
    const passed = await screener.post(`/api/v1/obligations/${open.id}/reassign`, {
      version: open.version,
      userId: to.userId,
    });
    assert.equal(passed.statusCode, 200, passed.body);
    const after = (await coordinator.get(`/api/v1/cases/${caseId}/obligations`)).json()
      .obligations as { id: string; ownerUserId: string | null; ownerName: string | null }[];
    const handed = after.find((o) => o.id === open.id);
    assert.equal(handed?.ownerUserId, to.userId);
    assert.equal(handed?.ownerName, to.displayName, "the case page names the new owner");
  });
});
