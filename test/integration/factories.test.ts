import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { fixedClock } from "../../src/server/clock.ts";
import type { AppContext } from "../../src/server/context.ts";
import { testApp, testContext } from "../support/context.ts";
import { describeOnEachDatabase } from "../support/databases.ts";
import {
  buildCase,
  buildConsent,
  buildObligation,
  buildTaskForce,
  buildTeamMember,
  signedInAs,
} from "../support/factories.ts";

// The factories build through the use cases, so what they make reads back through the API as
// anything staff made would: these checks keep them honest as the use cases change.
describeOnEachDatabase("test factories", (t) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  const clock = fixedClock(new Date("2026-10-05T16:00:00Z"));

  before(async () => {
    ctx = testContext(t.db, clock);
    app = await testApp(ctx);
  });
  after(async () => {
    await app.close();
  });

  it("signs someone in as a role: the Actor a request would get, and clients for the API", async () => {
    const nurse = await signedInAs(ctx, "medical", "medical", { mfa: true });
    assert.equal(nurse.actor.role, "medical");
    assert.equal(nurse.actor.agencyKind, "medical");
    assert.equal(nurse.actor.membershipId, nurse.membershipId);
    for (const client of [await nurse.session(app), await nurse.signIn(app)]) {
      const me = await client.get("/api/v1/me");
      assert.equal(me.statusCode, 200, me.body);
      assert.equal(me.json().userId, nurse.userId);
    }
    const colleague = await signedInAs(ctx, "cps_investigator", { id: nurse.agencyId });
    assert.equal(colleague.actor.agencyId, nurse.agencyId);
  });

  it("builds a task force with members, one of them on call", async () => {
    const ht = await signedInAs(ctx, "ht_investigator", "law_enforcement");
    const tf = await buildTaskForce(ctx, { members: [ht], onCall: [ht] });
    const res = await (await tf.lead.session(app)).get(`/api/v1/task-forces/${tf.id}`);
    assert.equal(res.statusCode, 200, res.body);
    const members = res.json().members as { membershipId: string; onCall: boolean }[];
    assert.deepEqual(members, [{ ...members[0], membershipId: ht.membershipId, onCall: true }]);
  });

  it("adds someone to a case team", async () => {
    const { caseId, member } = await buildTeamMember(ctx);
    const res = await (await member.session(app)).get(`/api/v1/cases/${caseId}/team`);
    assert.equal(res.statusCode, 200, res.body);
    assert.ok(JSON.stringify(res.json()).includes(member.userId));
  });

  it("records a consent for a victim-services client", async () => {
    const consent = await buildConsent(ctx);
    const client = await consent.advocate.session(app);
    const res = await client.get(`/api/v1/persons/${consent.personId}/consents`);
    assert.equal(res.statusCode, 200, res.body);
    assert.ok(JSON.stringify(res.json()).includes(consent.id));
  });

  it("stores an open obligation, with its clock's jobs when it has a due time", async () => {
    const { id: caseId } = await buildCase(t.db);
    const due = new Date(clock.now().getTime() + 24 * 3_600_000).toISOString();
    const obligation = await buildObligation(ctx, { caseId, dueAt: due });
    const cps = await signedInAs(ctx, "cps_investigator", { id: await agencyOf(caseId) });
    const res = await (await cps.session(app)).get(`/api/v1/cases/${caseId}/obligations`);
    assert.equal(res.statusCode, 200, res.body);
    assert.ok(JSON.stringify(res.json()).includes(obligation.id));
    const jobs = await t.db.kysely
      .selectFrom("jobs")
      .select("kind")
      .where("dedupe_key", "like", `%:${obligation.id}`)
      .execute();
    assert.ok(jobs.length > 0, "reminders and escalation scheduled");
  });

  async function agencyOf(caseId: string) {
    const row = await t.db.kysely
      .selectFrom("cases")
      .select("agency_id")
      .where("id", "=", caseId)
      .executeTakeFirstOrThrow();
    return row.agency_id;
  }
});
