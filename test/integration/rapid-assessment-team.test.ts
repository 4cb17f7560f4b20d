import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { Role } from "../../src/domain/roles.ts";
import type { Clock } from "../../src/server/clock.ts";
import type { AppContext } from "../../src/server/context.ts";
import { testApp, testContext } from "../support/context.ts";
import { describeOnEachDatabase } from "../support/databases.ts";
import { buildAgency, buildUser } from "../support/factories.ts";
import { sessionClient, type TestClient } from "../support/http-client.ts";

interface Member {
  client: TestClient | undefined;
  userId: string;
  membershipId: string;
  signedInAt: number;
}

describeOnEachDatabase("Rapid Assessment Team formation", (t) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  let now = new Date("2026-10-05T16:00:00Z");
  const clock: Clock = { now: () => now };
  const receivedAt = "2026-10-05T15:00:00Z";
  // Agencies are shared: intake routes a county's reports to its first CPS office, so every
  // test's reports reach the same office. People, task forces and cases are each test's own,
  // so the tests hold in any order.
  const agencies: Record<"school" | "cps" | "police" | "tower" | "mbi", string> = {
    school: "",
    cps: "",
    police: "",
    tower: "",
    mbi: "",
  };

  /** The people of one test, its task force, and signing in as one of them. */
  interface Crew {
    taskForceId: string;
    p(name: string): Member;
    as(name: string): Promise<TestClient>;
    member(name: string, agencyId: string, role: Role): Promise<void>;
  }

  /**
   * Builds a test's crew: a screener, two CPS investigators (cps2 on call), two HT investigators
   * (ht certified, htExpired on call with a lapsed certification), a certified advocate, a lead
   * and the state coordinator, and the lead's task force with all but the last two as members.
   */
  async function crew(): Promise<Crew> {
    const people: Record<string, Member> = {};
    const p = (name: string) => people[name] as Member;
    async function member(name: string, agencyId: string, role: Role): Promise<void> {
      const user = await buildUser(ctx, { agencyId, role });
      const membership = await t.db.kysely
        .selectFrom("memberships")
        .select("id")
        .where("user_id", "=", user.userId)
        .executeTakeFirstOrThrow();
      people[name] = {
        client: undefined,
        userId: user.userId,
        membershipId: membership.id,
        signedInAt: now.getTime(),
      };
    }
    // Sessions idle out after 30 minutes; when the test moves the clock on, people sign in again
    // (a session past sign-in and MFA: signing in itself is auth.test.ts's).
    async function as(name: string): Promise<TestClient> {
      const m = p(name);
      if (!m.client || now.getTime() !== m.signedInAt) {
        m.client = await sessionClient(app, t.db.kysely, clock, m);
        m.signedInAt = now.getTime();
      }
      return m.client;
    }
    await member("screener", agencies.school, "screener");
    await member("cps1", agencies.cps, "cps_investigator");
    await member("cps2", agencies.cps, "cps_investigator");
    await member("ht", agencies.police, "ht_investigator");
    await member("htExpired", agencies.police, "ht_investigator");
    await member("advocate", agencies.tower, "victim_advocate");
    await member("lead", agencies.police, "task_force_lead");
    await member("coordinator", agencies.mbi, "state_coordinator");
    const certify = async (who: string, kind: string, issuedOn: string, expiresOn: string) => {
      const res = await (await as("coordinator")).post(
        `/api/v1/users/${p(who).userId}/certifications`,
        {
          kind,
          issuedOn,
          expiresOn,
        },
      );
      assert.equal(res.statusCode, 201, res.body);
    };
    await certify("ht", "ht_investigator", "2025-01-15", "2027-01-14");
    await certify("htExpired", "ht_investigator", "2024-01-15", "2026-10-04");
    await certify("advocate", "victim_advocate", "2026-02-01", "2028-01-31");

    const tf = await (await as("lead")).post("/api/v1/task-forces", {
      name: "Central Mississippi HT Task Force",
    });
    assert.equal(tf.statusCode, 201, tf.body);
    const taskForceId: string = tf.json().id;
    for (const name of ["cps1", "cps2", "ht", "htExpired", "advocate"]) {
      const res = await (await as("lead")).post(`/api/v1/task-forces/${taskForceId}/members`, {
        membershipId: p(name).membershipId,
      });
      assert.equal(res.statusCode, 204, res.body);
    }
    // htExpired is on call, but an expired certification outranks being on call.
    for (const name of ["cps2", "htExpired"]) {
      const res = await (await as("lead")).post(`/api/v1/task-forces/${taskForceId}/on-call`, {
        membershipId: p(name).membershipId,
        startsAt: "2026-10-05T12:00:00Z",
        endsAt: "2026-10-06T12:00:00Z",
      });
      assert.equal(res.statusCode, 201, res.body);
    }
    return { taskForceId, p, as, member };
  }

  /** The school screener's report of a child (tip at 15:00), routed to the county's CPS. */
  async function reportCase(c: Crew): Promise<string> {
    const res = await (await c.as("screener")).post("/api/v1/cases", {
      source: "school",
      countyFips: "28049",
      receivedAt,
      persons: [{ part: "victim", givenName: "Synthetic", ageYears: 15 }],
      facts: { subject: { age: 15 }, sex: { act: true, valueExchanged: true } },
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().caseId;
  }

  /** CPS convenes the case's team at 16:30 (each seat offered to its best candidate). */
  async function convene(c: Crew, caseId: string): Promise<void> {
    now = new Date("2026-10-05T16:30:00Z");
    const res = await (await c.as("cps1")).post(`/api/v1/cases/${caseId}/rat`, {
      taskForceId: c.taskForceId,
    });
    assert.equal(res.statusCode, 201, res.body);
  }

  /** Each offered member accepts; the third acceptance, at 18:15, forms the team. */
  async function formTeam(c: Crew, caseId: string): Promise<void> {
    const acceptances: [string, string][] = [
      ["cps2", "2026-10-05T17:00:00Z"],
      ["ht", "2026-10-05T17:30:00Z"],
      ["advocate", "2026-10-05T18:15:00Z"],
    ];
    for (const [name, at] of acceptances) {
      now = new Date(at);
      const offers = (await (await c.as(name)).get("/api/v1/me/seat-offers")).json().offers;
      const offer = offers.find((o: { caseId: string }) => o.caseId === caseId);
      assert.ok(offer, `${name} has an offer`);
      const res = await (await c.as(name)).post(`/api/v1/rat-seats/${offer.id}/respond`, {
        response: "accepted",
      });
      assert.equal(res.statusCode, 200, res.body);
    }
  }

  before(async () => {
    ctx = testContext(t.db, clock);
    app = await testApp(ctx);
    agencies.school = (await buildAgency(t.db, { kind: "other", county_fips: "28049" })).id;
    agencies.cps = (await buildAgency(t.db, { kind: "cps", county_fips: "28049" })).id;
    agencies.police = (await buildAgency(t.db, { kind: "law_enforcement" })).id;
    agencies.tower = (await buildAgency(t.db, { kind: "victim_services" })).id;
    agencies.mbi = (await buildAgency(t.db, { kind: "mbi" })).id;
  });
  after(async () => {
    await app.close();
  });

  it("routes a school screener's report of a child to the county's CPS office", async () => {
    now = new Date("2026-10-05T16:00:00Z");
    const cast = await crew();
    const { as } = cast;
    const res = await (await as("screener")).post("/api/v1/cases", {
      source: "school",
      countyFips: "28049",
      receivedAt,
      persons: [{ part: "victim", givenName: "Synthetic", ageYears: 15 }],
      facts: { subject: { age: 15 }, sex: { act: true, valueExchanged: true } },
    });
    assert.equal(res.statusCode, 201, res.body);
    const caseId = res.json().caseId;
    assert.ok(res.json().routedToAgencyId);
    const seen = await (await as("cps1")).get(`/api/v1/cases/${caseId}`);
    assert.equal(seen.statusCode, 200, "CPS sees the routed case");
    assert.equal(seen.json().abilities.formRat, true);
    assert.equal((await (await as("screener")).get(`/api/v1/cases/${caseId}`)).statusCode, 200);
    assert.equal((await (await as("ht")).get(`/api/v1/cases/${caseId}`)).statusCode, 404);
  });

  it("offers each seat to a certified member, on call first, never to an expired certification", async () => {
    now = new Date("2026-10-05T16:00:00Z");
    const cast = await crew();
    const { as, p, taskForceId } = cast;
    const caseId = await reportCase(cast);
    now = new Date("2026-10-05T16:30:00Z");
    const res = await (await as("cps1")).post(`/api/v1/cases/${caseId}/rat`, { taskForceId });
    assert.equal(res.statusCode, 201, res.body);
    const offered = Object.fromEntries(
      res.json().seats.map((s: { seat: string; membershipId: string }) => [s.seat, s.membershipId]),
    );
    assert.deepEqual(offered, {
      cps_investigator: p("cps2").membershipId,
      ht_investigator: p("ht").membershipId,
      victim_advocate: p("advocate").membershipId,
    });
    assert.equal(res.json().formedAt, null);
    const again = await (await as("cps1")).post(`/api/v1/cases/${caseId}/rat`, { taskForceId });
    assert.equal(again.statusCode, 409);
  });

  it("lists seat candidates for the convener, eligible and on call first, with why not", async () => {
    now = new Date("2026-10-05T16:00:00Z");
    const cast = await crew();
    const { as, p, taskForceId } = cast;
    const caseId = await reportCase(cast);
    await convene(cast, caseId);
    const res = await (await as("cps1")).get(
      `/api/v1/cases/${caseId}/rat/candidates?seat=ht_investigator`,
    );
    assert.equal(res.statusCode, 200, res.body);
    const rows = res
      .json()
      .candidates.map((c: { membershipId: string; ineligible: string | null; onCall: boolean }) => [
        c.membershipId,
        c.ineligible,
        c.onCall,
      ]);
    assert.deepEqual(rows, [
      [p("ht").membershipId, null, false],
      [p("htExpired").membershipId, "certification_expired", true],
    ]);
    const seats = (await (await as("cps1")).get(`/api/v1/cases/${caseId}/rat`)).json().team.seats;
    const cpsSeat = seats.find((x: { seat: string }) => x.seat === "cps_investigator");
    assert.equal(cpsSeat.onCall, true, "the seat shows that its holder is on call");
    const bySeatHolder = await (await as("ht")).get(
      `/api/v1/cases/${caseId}/rat/candidates?seat=ht_investigator`,
    );
    assert.equal(bySeatHolder.statusCode, 404, "not on the case yet: it does not exist for them");
    const directory = await (await as("lead")).get("/api/v1/staff");
    assert.equal(directory.statusCode, 200);
    assert.ok(
      directory
        .json()
        .staff.some((x: { membershipId: string }) => x.membershipId === p("advocate").membershipId),
    );
    assert.equal((await (await as("screener")).get("/api/v1/staff")).statusCode, 403);
    const taskForces = (await (await as("cps1")).get("/api/v1/task-forces")).json().taskForces;
    assert.ok(
      taskForces.some((tf: { id: string }) => tf.id === taskForceId),
      "conveners see every task force",
    );
    const mine = (await (await as("lead")).get("/api/v1/task-forces")).json().taskForces;
    const flag = (list: { id: string; mayManage: boolean }[]) =>
      list.find((tf) => tf.id === taskForceId)?.mayManage;
    assert.equal(flag(mine), true, "the lead runs the roster");
    assert.equal(flag(taskForces), false, "CPS sees the directory entry only");
  });

  it("refuses to seat someone whose certification has expired, naming the field", async () => {
    now = new Date("2026-10-05T16:00:00Z");
    const cast = await crew();
    const { as, p } = cast;
    const caseId = await reportCase(cast);
    await convene(cast, caseId);
    const res = await (await as("lead")).post(`/api/v1/cases/${caseId}/rat/seats`, {
      seat: "ht_investigator",
      membershipId: p("htExpired").membershipId,
    });
    assert.equal(res.statusCode, 422, res.body);
    assert.equal(res.json().error.code, "certification_expired");
    assert.equal(res.json().error.field, "membershipId");
    const wrongRole = await (await as("lead")).post(`/api/v1/cases/${caseId}/rat/seats`, {
      seat: "victim_advocate",
      membershipId: p("ht").membershipId,
    });
    assert.equal(wrongRole.statusCode, 422);
  });

  it("a decline passes the seat on; the third acceptance forms the team and meets the obligation", async () => {
    now = new Date("2026-10-05T16:00:00Z");
    const cast = await crew();
    const { as } = cast;
    const caseId = await reportCase(cast);
    await convene(cast, caseId);
    const offers = await (await as("cps2")).get("/api/v1/me/seat-offers");
    const mine = offers.json().offers;
    assert.equal(mine.length, 1);
    assert.equal(mine[0].caseId, caseId);
    // Someone else cannot answer an offer that is not theirs: it does not exist for them.
    const stranger = await (await as("ht")).post(`/api/v1/rat-seats/${mine[0].id}/respond`, {
      response: "accepted",
    });
    assert.equal(stranger.statusCode, 404);
    const noReason = await (await as("cps2")).post(`/api/v1/rat-seats/${mine[0].id}/respond`, {
      response: "declined",
    });
    assert.equal(noReason.statusCode, 400);
    assert.equal(noReason.json().error.field, "reason");
    const declined = await (await as("cps2")).post(`/api/v1/rat-seats/${mine[0].id}/respond`, {
      response: "declined",
      reason: "On another child's case in Rankin County",
    });
    assert.equal(declined.statusCode, 200, declined.body);

    const accept = async (name: string, at: string) => {
      now = new Date(at);
      const [offer] = (await (await as(name)).get("/api/v1/me/seat-offers")).json().offers;
      assert.ok(offer, `${name} has an offer`);
      const res = await (await as(name)).post(`/api/v1/rat-seats/${offer.id}/respond`, {
        response: "accepted",
      });
      assert.equal(res.statusCode, 200, res.body);
      return res.json().teamFormed as boolean;
    };
    assert.equal(await accept("cps1", "2026-10-05T17:00:00Z"), false);
    assert.equal(await accept("ht", "2026-10-05T17:30:00Z"), false);
    assert.equal(await accept("advocate", "2026-10-05T18:15:00Z"), true);

    const team = (await (await as("lead")).get(`/api/v1/cases/${caseId}/rat`)).json().team;
    assert.equal(team.formedAt, "2026-10-05T18:15:00.000Z");
    assert.equal(team.formationMinutes, 195, "time from the tip at 15:00 to the third seat");
    const accepted = team.seats.filter((s: { status: string }) => s.status === "accepted");
    assert.equal(accepted.length, 3);

    const obligations = (await (await as("cps1")).get(`/api/v1/cases/${caseId}/obligations`)).json()
      .obligations as { actionId: string; status: string; evidence: { ratId?: string } | null }[];
    const rat = obligations.find((o) => o.actionId === "rapid_assessment_team");
    const open = obligations.filter((o) => o.status === "open") as unknown as {
      ownerRole: string;
      mayClose: boolean;
    }[];
    assert.ok(
      open.every((o) => o.mayClose === (o.ownerRole === "cps_investigator")),
      "CPS may close CPS's own",
    );
    assert.equal(rat?.status, "done");
    assert.equal(rat?.evidence?.ratId, team.id);
    // Seat holders join the case team, so the HT investigator now reaches the case.
    assert.equal((await (await as("ht")).get(`/api/v1/cases/${caseId}`)).statusCode, 200);
  });

  it("CPS adds a nurse to the case team, which opens the case to them; others cannot", async () => {
    now = new Date("2026-10-05T16:00:00Z");
    const cast = await crew();
    const { as, p } = cast;
    const caseId = await reportCase(cast);
    await convene(cast, caseId);
    await formTeam(cast, caseId);
    const nurseAgency = await buildAgency(t.db, { kind: "medical" });
    await cast.member("nurse", nurseAgency.id, "medical");
    assert.equal((await (await as("nurse")).get(`/api/v1/cases/${caseId}`)).statusCode, 404);
    const byHt = await (await as("ht")).post(`/api/v1/cases/${caseId}/team`, {
      userId: p("nurse").userId,
    });
    assert.equal(byHt.statusCode, 403, "a seat holder does not manage the team");
    const added = await (await as("cps1")).post(`/api/v1/cases/${caseId}/team`, {
      userId: p("nurse").userId,
    });
    assert.equal(added.statusCode, 204, added.body);
    assert.equal((await (await as("nurse")).get(`/api/v1/cases/${caseId}`)).statusCode, 200);
    const team = (await (await as("cps1")).get(`/api/v1/cases/${caseId}/team`)).json().team;
    assert.ok(
      team.some(
        (m: { userId: string; role: string }) =>
          m.userId === p("nurse").userId && m.role === "medical",
      ),
    );
  });

  it("shows the case in the task force lead's open-cases queue with the team formed", async () => {
    now = new Date("2026-10-05T16:00:00Z");
    const cast = await crew();
    const { as } = cast;
    const caseId = await reportCase(cast);
    await convene(cast, caseId);
    await formTeam(cast, caseId);
    const res = await (await as("lead")).get("/api/v1/queues/open-cases");
    assert.equal(res.statusCode, 200, res.body);
    const row = res.json().cases.find((c: { id: string }) => c.id === caseId);
    assert.ok(row, "the lead oversees the case their task force's team works");
    assert.equal(row.ratFormedAt, "2026-10-05T18:15:00.000Z");
    assert.ok(row.openObligations > 0);
    assert.equal((await (await as("screener")).get("/api/v1/queues/open-cases")).statusCode, 403);
  });

  it("refuses an acceptance when the certification lapsed after the offer", async () => {
    now = new Date("2026-10-05T16:00:00Z");
    const cast = await crew();
    const { as, taskForceId } = cast;
    now = new Date("2026-10-06T10:00:00Z");
    const other = await (await as("screener")).post("/api/v1/cases", {
      source: "school",
      countyFips: "28049",
      persons: [{ part: "victim", ageYears: 16 }],
      facts: { subject: { age: 16 }, sex: { act: true, valueExchanged: true } },
    });
    const formed = await (await as("cps1")).post(`/api/v1/cases/${other.json().caseId}/rat`, {
      taskForceId,
    });
    assert.equal(formed.statusCode, 201, formed.body);
    // The HT investigator's certification runs to 2027-01-14 (local date); answer after it.
    now = new Date("2027-01-15T18:00:00Z");
    const [offer] = (await (await as("ht")).get("/api/v1/me/seat-offers")).json().offers;
    const res = await (await as("ht")).post(`/api/v1/rat-seats/${offer.id}/respond`, {
      response: "accepted",
    });
    assert.equal(res.statusCode, 422, res.body);
    assert.equal(res.json().error.code, "certification_expired");
  });

  it("tells the convener and the task force's lead how each seat is answered, by ids and the seat's role only", async () => {
    now = new Date("2026-10-05T16:00:00Z");
    const cast = await crew();
    const { as, p } = cast;
    const caseId = await reportCase(cast);
    await convene(cast, caseId);
    now = new Date("2026-10-05T17:00:00Z");
    const [offer] = (await (await as("cps2")).get("/api/v1/me/seat-offers")).json().offers;
    const declined = await (await as("cps2")).post(`/api/v1/rat-seats/${offer.id}/respond`, {
      response: "declined",
      reason: "On another child's case in Rankin County",
    });
    assert.equal(declined.statusCode, 200, declined.body);
    const told = await t.db.kysely
      .selectFrom("notifications")
      .select(["user_id", "agency_id", "data"])
      .where("kind", "=", "rat_seat_answered")
      .execute();
    const aboutThis = told.filter((n) => JSON.parse(n.data).seatId === offer.id);
    const toWhom = aboutThis.map((n) => n.user_id);
    assert.ok(toWhom.includes(p("cps1").userId), "the convener is told");
    assert.ok(toWhom.includes(p("lead").userId), "the task force's lead is told");
    assert.ok(!toWhom.includes(p("cps2").userId), "not the person who answered");
    assert.equal(new Set(toWhom).size, toWhom.length, "each once");
    for (const n of aboutThis)
      assert.deepEqual(JSON.parse(n.data), {
        caseId,
        seatId: offer.id,
        seat: offer.seat,
        answer: "declined",
      });
  });

  it("closing the case withdraws the seat offers nobody has answered, in the same step", async () => {
    now = new Date("2026-10-05T16:00:00Z");
    const cast = await crew();
    const { as } = cast;
    const caseId = await reportCase(cast);
    await convene(cast, caseId);
    now = new Date("2026-10-05T17:00:00Z");
    const [offer] = (await (await as("cps2")).get("/api/v1/me/seat-offers")).json().offers;
    const accepted = await (await as("cps2")).post(`/api/v1/rat-seats/${offer.id}/respond`, {
      response: "accepted",
    });
    assert.equal(accepted.statusCode, 200, accepted.body);
    const cps = await as("cps1");
    const view = (await cps.get(`/api/v1/cases/${caseId}`)).json();
    const open = (
      (await cps.get(`/api/v1/cases/${caseId}/obligations`)).json().obligations as {
        id: string;
        status: string;
      }[]
    ).filter((o) => o.status === "open");
    const closed = await cps.post(`/api/v1/cases/${caseId}/status`, {
      version: view.version,
      status: "closed",
      outcome: "not_trafficking",
      retire: open.map((o) => ({ obligationId: o.id, reason: "Screened out after interview" })),
    });
    assert.equal(closed.statusCode, 200, closed.body);
    const seats = (await cps.get(`/api/v1/cases/${caseId}/rat`)).json().team.seats as {
      id: string;
      seat: string;
      status: string;
      reason: string | null;
    }[];
    assert.equal(seats.find((s) => s.id === offer.id)?.status, "accepted", "a held seat stays");
    const others = seats.filter((s) => s.id !== offer.id);
    assert.ok(others.length > 0);
    for (const s of others) {
      assert.equal(s.status, "withdrawn", s.seat);
      assert.equal(s.reason, "case closed");
    }
    for (const name of ["ht", "advocate"]) {
      const offers = (await (await as(name)).get("/api/v1/me/seat-offers")).json().offers;
      assert.ok(!offers.some((o: { caseId: string }) => o.caseId === caseId), name);
    }
    const events = (await cps.get(`/api/v1/cases/${caseId}/timeline`)).json().events as {
      kind: string;
      data: { withdrawnSeatOffers?: number };
    }[];
    const close = events.find((e) => e.kind === "case_closed");
    assert.equal(close?.data.withdrawnSeatOffers, others.length);
  });
});
