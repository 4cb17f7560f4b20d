import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { type ConsentWorld, consentWorld } from "../support/consent-setup.ts";
import { describeOnEachDatabase } from "../support/databases.ts";

interface Plan {
  id: string;
  agencyId: string;
  disclosureBasis: string;
  kind: string | null;
  status: string | null;
  items: { domain: string; need: string; service: string }[];
}

// The advocate's words that must never reach another agency without the right consent.
const HEALTH_WORDS = /pregnan|STI|syphilis/i;
const LEGAL_WORDS = /T visa|immigration/i;

// Issue 10, defect 4: service plans written by victim services are consent-gated (VAWA).
describeOnEachDatabase("service plans held by victim services", (t) => {
  let w: ConsentWorld;
  let planId: string;
  let referralId: string;
  const plansUrl = () => `/api/v1/cases/${w.minor.id}/plans`;
  const read = async (who: "advocate" | "cps" | "nurse" | "ht") => {
    const res = await w.as(who).get(plansUrl());
    assert.equal(res.statusCode, 200, res.body);
    const plans = res.json().plans as Plan[];
    return { body: res.body, plan: plans.find((p) => p.id === planId) as Plan };
  };

  before(async () => {
    w = await consentWorld(t);
    const res = await w.as("advocate").post(plansUrl(), {
      personId: w.minor.person.victim,
      items: [
        { domain: "health", need: "Pregnancy and STI care", service: "syphilis and HIV testing" },
        { domain: "legal", need: "Wants to understand T visa options", service: "immigration" },
      ],
    });
    assert.equal(res.statusCode, 201, res.body);
    planId = res.json().id;
    const referral = await w.as("advocate").post(`/api/v1/cases/${w.minor.id}/referrals`, {
      personId: w.minor.person.victim,
      toAgencyId: w.agencies.medical,
      domain: "health",
      service: "pregnancy test",
      disclosesIdentity: false,
    });
    assert.equal(referral.statusCode, 201, referral.body);
    referralId = referral.json().id;
  });
  after(async () => {
    await w.app.close();
  });

  it("shows CPS and the team that a plan is held by victim services, without its contents", async () => {
    const nurse = await read("nurse");
    assert.ok(nurse.plan, "the plan is listed");
    assert.doesNotMatch(nurse.body, HEALTH_WORDS);
    assert.doesNotMatch(nurse.body, LEGAL_WORDS);
    assert.equal(nurse.plan.agencyId, w.agencies.victim_services);
    assert.equal(nurse.plan.disclosureBasis, "none");
    assert.deepEqual([nurse.plan.kind, nurse.plan.status, nurse.plan.items], [null, null, []]);
    const ht = await read("ht");
    assert.doesNotMatch(ht.body, HEALTH_WORDS);
    assert.deepEqual(ht.plan.items, []);
    // CPS, receiving the child's report (Miss. Code § 43-21-353), learns that a plan exists, its
    // kind and status, and nothing of what the advocate wrote in it.
    const cps = await read("cps");
    assert.doesNotMatch(cps.body, HEALTH_WORDS);
    assert.doesNotMatch(cps.body, LEGAL_WORDS);
    assert.equal(cps.plan.disclosureBasis, "statutory_report");
    assert.deepEqual(
      [cps.plan.kind, cps.plan.status, cps.plan.items],
      ["service_plan", "active", []],
    );
    const own = await read("advocate");
    assert.equal(own.plan.disclosureBasis, "own_agency");
    assert.deepEqual(
      own.plan.items.map((i) => i.need),
      ["Pregnancy and STI care", "Wants to understand T visa options"],
    );
  });

  it("keeps the advocate's referral text from agencies that neither sent nor received it", async () => {
    for (const who of ["cps", "ht"] as const) {
      const res = await w.as(who).get(`/api/v1/cases/${w.minor.id}/referrals`);
      assert.equal(res.statusCode, 200, res.body);
      assert.doesNotMatch(res.body, /pregnancy/i, who);
      assert.ok(!res.body.includes(referralId), `${who} does not learn the referral exists`);
    }
    const recipient = await w.as("nurse").get(`/api/v1/cases/${w.minor.id}/referrals`);
    assert.match(recipient.body, /pregnancy test/, "the receiving clinic sees what it was sent");
  });

  it("refuses to let another agency change a plan it cannot read", async () => {
    const add = await w.as("nurse").post(`/api/v1/plans/${planId}/items`, {
      domain: "health",
      need: "x",
      service: "y",
    });
    assert.equal(add.statusCode, 404, add.body);
    const unknown = await w.as("nurse").post("/api/v1/plans/no-such-plan/items", {
      domain: "health",
      need: "x",
      service: "y",
    });
    assert.deepEqual(add.json(), unknown.json(), "same answer as for a plan that does not exist");
  });

  it("opens exactly the items of the consented category, and closes them on revocation", async () => {
    const health = await w.consent(w.minor, "medical", ["health"], w.minor.person.family);
    assert.equal(health.statusCode, 201, health.body);
    const nurse = await read("nurse");
    assert.equal(nurse.plan.disclosureBasis, "consent");
    assert.deepEqual(
      nurse.plan.items.map((i) => [i.domain, i.need]),
      [["health", "Pregnancy and STI care"]],
    );
    assert.doesNotMatch(nurse.body, LEGAL_WORDS, "a health consent does not release services");
    assert.doesNotMatch(
      (await read("cps")).body,
      HEALTH_WORDS,
      "a consent to the clinic is not one to CPS",
    );

    const services = await w.consent(w.minor, "cps", ["services"]);
    assert.equal(services.statusCode, 201, services.body);
    const cps = await read("cps");
    assert.deepEqual(
      cps.plan.items.map((i) => i.domain),
      ["legal"],
    );
    assert.doesNotMatch(cps.body, HEALTH_WORDS);

    const revoke = await w.as("advocate").post(`/api/v1/consents/${health.json().id}/revoke`, {});
    assert.equal(revoke.statusCode, 204, revoke.body);
    const after = await read("nurse");
    assert.deepEqual(after.plan.items, []);
    assert.doesNotMatch(after.body, HEALTH_WORDS, "revocation closes the plan again at once");
    assert.equal(
      (await read("advocate")).plan.items.length,
      2,
      "the advocate's agency always reads it",
    );
  });

  it("shares a plan written outside victim services with the case team as before", async () => {
    const res = await w.as("cps").post(plansUrl(), {
      personId: w.minor.person.victim,
      kind: "cps_specialized_plan",
      items: [{ domain: "restoration", need: "School re-enrolment", service: "education" }],
    });
    assert.equal(res.statusCode, 201, res.body);
    const nurse = (await w.as("nurse").get(plansUrl())).json().plans as Plan[];
    const specialized = nurse.find((p) => p.id === res.json().id);
    assert.equal(specialized?.items[0]?.need, "School re-enrolment");
  });
});
