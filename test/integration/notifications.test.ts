import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { Role } from "../../src/domain/roles.ts";
import { fixedClock } from "../../src/server/clock.ts";
import type { AppContext } from "../../src/server/context.ts";
import { testApp, testContext } from "../support/context.ts";
import { describeOnEachDatabase } from "../support/databases.ts";
import { buildAgency, buildUser } from "../support/factories.ts";
import { sessionClient, type TestClient } from "../support/http-client.ts";

const child = (countyFips: string) => ({
  source: "school",
  countyFips,
  persons: [{ part: "victim", givenName: "Test", ageYears: 14 }],
  facts: { subject: { age: 14 }, sex: { act: true, valueExchanged: true } },
});

interface Listed {
  id: string;
  kind: string;
  read: boolean;
  href: string;
  caseNumber: string | null;
  reached: string | null;
}

/**
 * Issue 13 item 10: the notification centre. What was addressed to a person, or to the agency
 * they act for, is listed newest first with its unread count; reading is each person's own, so
 * one member reading the agency's notification leaves it unread for the others.
 */
describeOnEachDatabase("notification centre", (t) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  let screener: TestClient;
  let assignee: TestClient;
  let colleague: TestClient;
  let coordinator: TestClient;
  let caseId: string;
  let caseNumber: string;
  const clock = fixedClock(new Date("2026-10-05T16:00:00Z"));

  before(async () => {
    ctx = testContext(t.db, clock);
    app = await testApp(ctx);
    const school = await buildAgency(t.db, { kind: "other" });
    await buildAgency(t.db, { kind: "cps", county_fips: "28049" }); // Hinds: nobody there
    const statewide = await buildAgency(t.db, { kind: "cps", county_fips: null });
    const mbi = await buildAgency(t.db, { kind: "mbi" });
    const user = (agencyId: string, role: Role) => buildUser(ctx, { agencyId, role });
    const session = (who: { userId: string; membershipId: string }) =>
      sessionClient(app, t.db.kysely, clock, who);
    screener = await session(await user(school.id, "screener"));
    const first = await user(statewide.id, "cps_investigator");
    const second = await user(statewide.id, "cps_investigator");
    coordinator = await session(await user(mbi.id, "state_coordinator"));
    const res = await screener.post("/api/v1/cases", child("28049"));
    assert.equal(res.statusCode, 201, res.body);
    caseId = res.json().caseId;
    caseNumber = res.json().caseNumber;
    // The office's two investigators: the one the case was assigned to, and the other.
    const mine = res.json().assignedUserId === first.userId;
    assignee = await session(mine ? first : second);
    colleague = await session(mine ? second : first);
  });
  after(async () => {
    await app.close();
  });

  const list = async (c: TestClient, query = "") => {
    const res = await c.get(`/api/v1/me/notifications${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { notifications: Listed[]; nextCursor: string | null };
  };
  const unread = async (c: TestClient) => {
    const res = await c.get("/api/v1/me/notifications/unread-count");
    assert.equal(res.statusCode, 200, res.body);
    return res.json().count as number;
  };

  it("lists a person's own and their agency's notifications, in words a link can follow", async () => {
    const mine = (await list(assignee)).notifications;
    const assigned = mine.find((n) => n.kind === "case.assigned");
    assert.equal(assigned?.caseNumber, caseNumber);
    assert.equal(assigned?.href, `/cases/${caseId}`);
    assert.equal(assigned?.read, false);
    assert.ok(
      mine.some((n) => n.kind === "case_routed"),
      "the agency's own notification",
    );
    const theirs = (await list(colleague)).notifications;
    assert.ok(theirs.some((n) => n.kind === "case_routed"));
    assert.ok(!theirs.some((n) => n.kind === "case.assigned"), "someone else's stays theirs");
    const alert = (await list(coordinator)).notifications.find(
      (n) => n.kind === "routing.fallback",
    );
    assert.equal(alert?.reached, "statewide");
    assert.equal(alert?.caseNumber, caseNumber);
    assert.equal((await list(screener)).notifications.length, 0);
    assert.equal(await unread(screener), 0);
  });

  it("keeps reading each person's own, even for a notification their agency shares", async () => {
    const before = await unread(assignee);
    const shared = (await list(assignee)).notifications.find((n) => n.kind === "case_routed");
    assert.ok(shared);
    const colleagueBefore = await unread(colleague);
    const res = await assignee.post(`/api/v1/me/notifications/${shared.id}/read`);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().marked, 1);
    const again = await assignee.post(`/api/v1/me/notifications/${shared.id}/read`);
    assert.equal(again.json().marked, 0, "reading twice changes nothing");
    assert.equal(await unread(assignee), before - 1);
    assert.equal(await unread(colleague), colleagueBefore);
    const seen = (await list(assignee)).notifications.find((n) => n.id === shared.id);
    assert.equal(seen?.read, true);
  });

  it("answers a notification addressed elsewhere exactly like one that does not exist", async () => {
    const theirs = (await list(assignee)).notifications.find((n) => n.kind === "case.assigned");
    assert.ok(theirs);
    const elsewhere = await colleague.post(`/api/v1/me/notifications/${theirs.id}/read`);
    const missing = await colleague.post("/api/v1/me/notifications/no-such-notification/read");
    assert.equal(elsewhere.statusCode, 404);
    assert.equal(elsewhere.body, missing.body);
    assert.equal((await list(assignee)).notifications.find((n) => n.id === theirs.id)?.read, false);
  });

  it("pages newest first with a cursor, and refuses a cursor that does not read back", async () => {
    const all = (await list(assignee)).notifications;
    assert.ok(all.length >= 2);
    const first = await list(assignee, "?limit=1");
    assert.equal(first.notifications[0]?.id, all[0]?.id);
    assert.ok(first.nextCursor);
    const second = await list(assignee, `?limit=1&before=${first.nextCursor}`);
    assert.equal(second.notifications[0]?.id, all[1]?.id);
    const bad = await assignee.get("/api/v1/me/notifications?before=bm90LWEtY3Vyc29y");
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.field, "before");
  });

  it("marks everything read at once, for that person only", async () => {
    assert.ok((await unread(colleague)) > 0);
    const res = await assignee.post("/api/v1/me/notifications/read-all");
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(await unread(assignee), 0);
    assert.ok((await list(assignee)).notifications.every((n) => n.read));
    assert.ok((await unread(colleague)) > 0);
  });
});
