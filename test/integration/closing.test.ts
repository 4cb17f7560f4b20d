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

/** Issue 13 items 4 and 5: obligations that tell the truth, and closing a case safely. */
describeOnEachDatabase("closing a case safely", (t) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  const clock: Clock = fixedClock(new Date("2026-10-05T16:00:00Z"));
  const c: Record<string, TestClient> = {};
  const agencies: Record<string, string> = {};
  const as = (name: string) => c[name] as TestClient;
  const MINOR_FACTS = { subject: { age: 15 }, sex: { act: true, valueExchanged: true } };

  interface Obligation {
    id: string;
    actionId: string;
    status: string;
    version: number;
    evidence: Record<string, unknown> | null;
  }
  async function intake(
    who: string,
    facts: { subject?: { age?: number }; [key: string]: unknown } = MINOR_FACTS,
  ) {
    // The person's age agrees with the screening's (intake refuses a mismatch).
    const ageYears = facts.subject?.age ?? 15;
    const res = await as(who).post("/api/v1/cases", {
      source: "cps_hotline",
      countyFips: "28049",
      persons: [{ part: "victim", givenName: "Synthetic", familyName: "Person", ageYears }],
      facts,
    });
    assert.equal(res.statusCode, 201, res.body);
    const view = (await as(who).get(`/api/v1/cases/${res.json().caseId}`)).json();
    return { id: res.json().caseId as string, victimId: view.persons[0].id as string };
  }
  const obligations = async (who: string, caseId: string) =>
    (await as(who).get(`/api/v1/cases/${caseId}/obligations`)).json().obligations as Obligation[];
  const version = async (who: string, caseId: string) =>
    (await as(who).get(`/api/v1/cases/${caseId}`)).json().version as number;

  before(async () => {
    ctx = testContext(t.db, clock);
    app = await testApp(ctx);
    for (const kind of ["cps", "other", "victim_services", "medical"])
      agencies[kind] = (await buildAgency(t.db, { kind, county_fips: "28049" })).id;
    const user = async (name: string, kind: string, role: Role) => {
      const agencyId = agencies[kind] as string;
      c[name] = await (await signedInAs(ctx, role, { id: agencyId }, { mfa: true })).signIn(app);
    };
    await user("cps", "cps", "cps_investigator");
    await user("screener", "other", "screener");
    await user("advocate", "victim_services", "victim_advocate");
  });
  after(async () => {
    await app.close();
  });

  it("records the CPS report as made by CPS's own intake, and not by a school's", async () => {
    const byCps = await intake("cps");
    const report = (await obligations("cps", byCps.id)).find((o) => o.actionId === "report_cps");
    assert.equal(report?.status, "done");
    assert.equal(report?.evidence?.madeBy, "intake");
    assert.equal(report?.evidence?.statute, "Miss. Code § 43-21-353");
    const others = (await obligations("cps", byCps.id)).filter((o) => o.actionId !== "report_cps");
    assert.ok(
      others.some((o) => o.status === "open"),
      "the other duties stay open",
    );

    const bySchool = await intake("screener");
    const theirs = (await obligations("screener", bySchool.id)).find(
      (o) => o.actionId === "report_cps",
    );
    assert.equal(theirs?.status, "open", "a school still has to phone CPS");
  });

  it("needs the reference, whom and when to record a legal report as made; not for others", async () => {
    const { id } = await intake("screener");
    const all = await obligations("screener", id);
    const mbi = all.find((o) => o.actionId === "report_mbi_ht_coordinator") as Obligation;
    const close = (o: Obligation, body: object) =>
      as("screener").post(`/api/v1/obligations/${o.id}/close`, { version: o.version, ...body });
    const cases: [object | undefined, string][] = [
      [undefined, "evidence.reference"],
      [{ spokeWith: "MBI duty desk", at: "2026-10-05T15:50:00Z" }, "evidence.reference"],
      [{ reference: "MBI-123", at: "2026-10-05T15:50:00Z" }, "evidence.spokeWith"],
      [{ reference: "MBI-123", spokeWith: "MBI duty desk" }, "evidence.at"],
      [
        { reference: "MBI-123", spokeWith: "MBI duty desk", at: "2026-10-06T15:50:00Z" },
        "evidence.at",
      ],
    ];
    for (const [evidence, field] of cases) {
      const res = await close(mbi, { status: "done", ...(evidence ? { evidence } : {}) });
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().error.field, field);
      assert.doesNotMatch(res.json().error.message, /evidence\.|expected/);
    }
    const made = await close(mbi, {
      status: "done",
      evidence: { reference: "MBI-123", spokeWith: "MBI duty desk", at: "2026-10-05T15:50:00Z" },
    });
    assert.equal(made.statusCode, 200, made.body);
    const stored = await t.db.kysely
      .selectFrom("obligations")
      .select("evidence")
      .where("id", "=", mbi.id)
      .executeTakeFirstOrThrow();
    assert.ok(!String(stored.evidence).includes("MBI duty desk"), "evidence is sealed");

    const notReport = all.find((o) => o.actionId === "document_everything") as Obligation;
    const plain = await close(notReport, { status: "done" });
    assert.equal(plain.statusCode, 200, plain.body);
    const cpsReport = all.find((o) => o.actionId === "report_cps") as Obligation;
    const notApplicable = await close(cpsReport, {
      status: "not_applicable",
      reason: "CPS was already told by the school nurse",
    });
    assert.equal(notApplicable.statusCode, 200, "a report that does not apply needs a reason only");
  });

  it("refuses to close with open obligations, and closes after each is retired with a reason", async () => {
    const { id } = await intake("cps");
    const url = `/api/v1/cases/${id}/status`;
    const v = await version("cps", id);
    const refused = await as("cps").post(url, {
      version: v,
      status: "closed",
      outcome: "lost_contact",
    });
    assert.equal(refused.statusCode, 409, refused.body);
    assert.equal(refused.json().error.code, "case_has_open_work");
    assert.match(refused.json().error.message, /open obligation/);
    const open = (await obligations("cps", id)).filter((o) => o.status === "open");
    const partly = await as("cps").post(url, {
      version: v,
      status: "closed",
      outcome: "lost_contact",
      retire: open.slice(1).map((o) => ({ obligationId: o.id, reason: "Family moved away" })),
    });
    assert.equal(partly.statusCode, 409, "one left open still refuses, and nothing is retired");
    assert.equal(
      (await obligations("cps", id)).filter((o) => o.status === "open").length,
      open.length,
    );
    const closed = await as("cps").post(url, {
      version: v,
      status: "closed",
      outcome: "lost_contact",
      retire: open.map((o) => ({ obligationId: o.id, reason: "Family moved out of state" })),
    });
    assert.equal(closed.statusCode, 200, closed.body);
    assert.equal(closed.json().retired, open.length);
    const after = await obligations("cps", id);
    assert.ok(after.every((o) => o.status !== "open"));
    assert.ok(after.filter((o) => o.status === "not_applicable").every((o) => o.evidence === null));
    const row = await t.db.kysely
      .selectFrom("cases")
      .select(["status", "next_due_at"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, "closed");
    assert.equal(row.next_due_at, null, "nothing is due on a closed case");
    const events = (await as("cps").get(`/api/v1/cases/${id}/timeline`)).json().events as {
      kind: string;
    }[];
    assert.equal(events.filter((e) => e.kind === "obligation_closed").length, open.length);
    assert.ok(events.some((e) => e.kind === "case_closed"));
  });

  it("refuses to close while a referral waits for its answer", async () => {
    const { id, victimId } = await intake("advocate", {
      subject: { age: 24 },
      labor: { performed: true },
      means: { force: true },
    });
    const sent = await as("advocate").post(`/api/v1/cases/${id}/referrals`, {
      personId: victimId,
      toAgencyId: agencies.medical,
      domain: "health",
      service: "physical exam",
      disclosesIdentity: false,
    });
    assert.equal(sent.statusCode, 201, sent.body);
    const open = (await obligations("advocate", id)).filter((o) => o.status === "open");
    const res = await as("advocate").post(`/api/v1/cases/${id}/status`, {
      version: await version("advocate", id),
      status: "closed",
      outcome: "services_provided",
      retire: open.map((o) => ({ obligationId: o.id, reason: "Done outside Waypoint" })),
    });
    assert.equal(res.statusCode, 409, res.body);
    assert.equal(res.json().error.code, "case_has_open_work");
    assert.match(res.json().error.message, /referral/);
  });

  it("refuses writes to a closed case with case_closed until it is reopened", async () => {
    const { id, victimId } = await intake("cps");
    const open = (await obligations("cps", id)).filter((o) => o.status === "open");
    const v = await version("cps", id);
    const closed = await as("cps").post(`/api/v1/cases/${id}/status`, {
      version: v,
      status: "closed",
      outcome: "not_trafficking",
      retire: open.map((o) => ({ obligationId: o.id, reason: "Screened out after interview" })),
    });
    assert.equal(closed.statusCode, 200, closed.body);
    const view = (await as("cps").get(`/api/v1/cases/${id}`)).json();
    assert.equal(view.abilities.writeNote, false);
    assert.equal(view.abilities.changeStatus, true, "reopening stays possible");
    assert.equal(view.abilities.read, true);
    const writes = [
      () => as("cps").post(`/api/v1/cases/${id}/notes`, { body: "A late note" }),
      () =>
        as("cps").post(`/api/v1/cases/${id}/assessments`, {
          version: v + 1,
          facts: MINOR_FACTS,
          reason: "New facts after closing",
        }),
      () =>
        as("cps").post(`/api/v1/cases/${id}/plans`, {
          personId: victimId,
          kind: "cps_specialized_plan",
          items: [{ domain: "health", need: "Exam", service: "physical exam" }],
        }),
      () =>
        as("cps").post(`/api/v1/cases/${id}/referrals`, {
          personId: victimId,
          toAgencyId: agencies.medical,
          domain: "health",
          service: "physical exam",
          disclosesIdentity: false,
        }),
      () =>
        app.inject({
          method: "POST",
          url: `/api/v1/cases/${id}/documents?name=a.pdf`,
          headers: {
            cookie: as("cps").cookie as string,
            "x-csrf-token": as("cps").csrf as string,
            "content-type": "application/pdf",
          },
          payload: Buffer.from("%PDF-1.4\n%%EOF\n"),
        }),
    ];
    for (const write of writes) {
      const res = await write();
      assert.equal(res.statusCode, 409, res.body);
      assert.equal(res.json().error.code, "case_closed");
      assert.match(res.json().error.message, /Reopen/);
    }
    assert.equal((await as("cps").get(`/api/v1/cases/${id}/notes`)).statusCode, 200);

    const reopened = await as("cps").post(`/api/v1/cases/${id}/status`, {
      version: v + 1,
      status: "open",
    });
    assert.equal(reopened.statusCode, 200, reopened.body);
    const note = await as("cps").post(`/api/v1/cases/${id}/notes`, { body: "After reopening" });
    assert.equal(note.statusCode, 201, note.body);
    const kinds = (await as("cps").get(`/api/v1/cases/${id}/timeline`))
      .json()
      .events.map((e: { kind: string }) => e.kind);
    assert.ok(kinds.includes("case_reopened"), "reopening is on the timeline");
  });
});
