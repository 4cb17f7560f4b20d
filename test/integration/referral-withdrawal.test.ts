import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { Role } from "../../src/domain/roles.ts";
import { type Clock, fixedClock } from "../../src/server/clock.ts";
import type { AppContext } from "../../src/server/context.ts";
import { testApp, testContext } from "../support/context.ts";
import { describeOnEachDatabase } from "../support/databases.ts";
import { buildAgency, signedInAs } from "../support/factories.ts";
import type { TestClient } from "../support/http-client.ts";

/**
 * Issue 13 item 6: the sender withdraws a referral nobody answered, so the case can close; an
 * answer tells the sender. Notifications carry ids and the answer only, never a name.
 */
describeOnEachDatabase("withdrawing and answering referrals", (t) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  const clock: Clock = fixedClock(new Date("2026-10-05T16:00:00Z"));
  const c: Record<string, TestClient> = {};
  const users: Record<string, string> = {};
  const agencies: Record<string, string> = {};
  const as = (name: string) => c[name] as TestClient;

  /** A child's report taken by CPS, with the advocate on its team; one referral to medical. */
  async function caseWithReferral() {
    const res = await as("cps").post("/api/v1/cases", {
      source: "cps_hotline",
      countyFips: "28049",
      persons: [{ part: "victim", givenName: "Synthetic", familyName: "Person", ageYears: 15 }],
      facts: { subject: { age: 15 }, sex: { act: true, valueExchanged: true } },
    });
    assert.equal(res.statusCode, 201, res.body);
    const caseId: string = res.json().caseId;
    const view = (await as("cps").get(`/api/v1/cases/${caseId}`)).json();
    const team = await as("cps").post(`/api/v1/cases/${caseId}/team`, {
      userId: users.advocate,
    });
    assert.equal(team.statusCode, 204, team.body);
    const sent = await as("cps").post(`/api/v1/cases/${caseId}/referrals`, {
      personId: view.persons[0].id,
      toAgencyId: agencies.medical,
      domain: "health",
      service: "physical exam",
      disclosesIdentity: false,
    });
    assert.equal(sent.statusCode, 201, sent.body);
    return { caseId, referralId: sent.json().id as string };
  }
  const referral = async (who: string, caseId: string, id: string) =>
    (
      (await as(who).get(`/api/v1/cases/${caseId}/referrals`)).json().referrals as {
        id: string;
        status: string;
        version: number;
        mayWithdraw: boolean;
      }[]
    ).find((r) => r.id === id);
  const notices = (agencyId: string, kind: string) =>
    t.db.kysely
      .selectFrom("notifications")
      .select(["data", "user_id"])
      .where("agency_id", "=", agencyId)
      .where("kind", "=", kind)
      .execute();
  const closeAll = async (caseId: string) => {
    const obligations = (await as("cps").get(`/api/v1/cases/${caseId}/obligations`)).json()
      .obligations as { id: string; status: string }[];
    return as("cps").post(`/api/v1/cases/${caseId}/status`, {
      version: (await as("cps").get(`/api/v1/cases/${caseId}`)).json().version,
      status: "closed",
      outcome: "services_provided",
      retire: obligations
        .filter((o) => o.status === "open")
        .map((o) => ({ obligationId: o.id, reason: "Done outside Waypoint" })),
    });
  };

  before(async () => {
    ctx = testContext(t.db, clock);
    app = await testApp(ctx);
    for (const kind of ["cps", "victim_services", "medical"])
      agencies[kind] = (await buildAgency(t.db, { kind, county_fips: "28049" })).id;
    const user = async (name: string, kind: string, role: Role) => {
      const m = await signedInAs(ctx, role, { id: agencies[kind] as string }, { mfa: true });
      users[name] = m.userId;
      c[name] = await m.signIn(app);
    };
    await user("cps", "cps", "cps_investigator");
    await user("cps2", "cps", "cps_investigator");
    await user("advocate", "victim_services", "victim_advocate");
    await user("nurse", "medical", "medical");
  });
  after(async () => {
    await app.close();
  });

  it("lets the sender's agency withdraw a pending referral, and then the case closes", async () => {
    const { caseId, referralId } = await caseWithReferral();
    const refused = await closeAll(caseId);
    assert.equal(refused.statusCode, 409, refused.body);
    assert.equal(refused.json().error.code, "case_has_open_work");

    const seen = await referral("cps2", caseId, referralId);
    assert.equal(seen?.mayWithdraw, true, "anyone of the sending agency who sends referrals");
    assert.equal((await referral("advocate", caseId, referralId))?.mayWithdraw, false);
    const url = `/api/v1/referrals/${referralId}/withdraw`;
    const stale = await as("cps2").post(url, { version: 7 });
    assert.equal(stale.statusCode, 409, stale.body);
    assert.equal(stale.json().error.code, "conflict");
    const withdrawn = await as("cps2").post(url, { version: seen?.version });
    assert.equal(withdrawn.statusCode, 200, withdrawn.body);
    assert.equal(withdrawn.json().version, (seen?.version ?? 0) + 1);
    const after = await referral("cps", caseId, referralId);
    assert.equal(after?.status, "withdrawn");
    assert.equal(after?.mayWithdraw, false);
    const again = await as("cps").post(url, { version: after?.version });
    assert.equal(again.statusCode, 409, again.body);
    assert.equal(again.json().error.code, "invalid_transition");

    const told = await notices(agencies.medical as string, "referral_withdrawn");
    assert.deepEqual(
      told.map((n) => JSON.parse(n.data)),
      [{ caseId, referralId }],
    );
    const events = (await as("cps").get(`/api/v1/cases/${caseId}/timeline`)).json().events as {
      kind: string;
      data: { referralId?: string };
    }[];
    assert.ok(
      events.some((e) => e.kind === "referral_withdrawn" && e.data.referralId === referralId),
    );
    const incoming = (await as("nurse").get("/api/v1/me/referrals")).json();
    assert.ok(
      !JSON.stringify(incoming).includes(referralId),
      "a withdrawn referral leaves the receiver's list",
    );

    const closed = await closeAll(caseId);
    assert.equal(closed.statusCode, 200, closed.body);
  });

  it("answers anyone else as the policy does: another agency on the case 403, others 404", async () => {
    const { caseId, referralId } = await caseWithReferral();
    const { version } = (await referral("cps", caseId, referralId)) as { version: number };
    const url = `/api/v1/referrals/${referralId}/withdraw`;
    const byTeam = await as("advocate").post(url, { version });
    assert.equal(byTeam.statusCode, 403, byTeam.body);
    assert.equal(byTeam.json().error.code, "forbidden");
    const byReceiver = await as("nurse").post(url, { version });
    assert.equal(byReceiver.statusCode, 404, "the receiver answers it; it cannot withdraw it");
    const missing = await as("cps").post("/api/v1/referrals/no-such-referral/withdraw", {
      version,
    });
    assert.equal(missing.statusCode, 404);
    assert.equal((await referral("cps", caseId, referralId))?.status, "sent");
    const denied = await t.db.kysely
      .selectFrom("audit_log")
      .select(["actor_user_id", "outcome"])
      .where("action", "=", "referral.withdraw")
      .where("outcome", "=", "denied")
      .execute();
    assert.ok(denied.some((d) => d.actor_user_id === users.advocate));
    assert.ok(denied.some((d) => d.actor_user_id === users.nurse));
  });

  it("tells the sending agency when its referral is answered, and an answered one stays", async () => {
    const { caseId, referralId } = await caseWithReferral();
    const incoming = (await as("nurse").get("/api/v1/me/referrals")).json().referrals as {
      id: string;
      version: number;
    }[];
    const mine = incoming.find((r) => r.id === referralId);
    assert.ok(mine, "the nurse's agency received it");
    const accepted = await as("nurse").post(`/api/v1/referrals/${referralId}/respond`, {
      version: mine.version,
      status: "accepted",
    });
    assert.equal(accepted.statusCode, 200, accepted.body);
    const told = (await notices(agencies.cps as string, "referral_answered"))
      .map((n) => JSON.parse(n.data))
      .filter((d) => d.referralId === referralId);
    assert.deepEqual(told, [{ caseId, referralId, answer: "accepted" }]);
    const late = await as("cps").post(`/api/v1/referrals/${referralId}/withdraw`, {
      version: mine.version + 1,
    });
    assert.equal(late.statusCode, 409, late.body);
    assert.equal(late.json().error.code, "invalid_transition");
    assert.equal((await referral("cps", caseId, referralId))?.status, "accepted");
  });
});
