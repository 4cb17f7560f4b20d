import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { fixedClock } from "../../src/server/clock.ts";
import type { AppContext } from "../../src/server/context.ts";
import { testApp, testContext } from "../support/context.ts";
import { describeOnEachDatabase } from "../support/databases.ts";
import {
  buildAgency,
  buildCase,
  buildTeamMember,
  type Member,
  signedInAs,
} from "../support/factories.ts";
import type { TestClient } from "../support/http-client.ts";

// Issue 13, item 6: consent recorded where it is needed, and the case reached through the
// referral the receiving agency accepted.
describeOnEachDatabase("the consent step of a referral", (t) => {
  const clock = fixedClock(new Date("2026-10-05T16:00:00Z"));
  let ctx: AppContext;
  let app: FastifyInstance;
  const agency: Record<string, { id: string; name: string }> = {};
  const member: Record<string, Member> = {};
  const as: Record<string, TestClient> = {};
  let cpsCase: { id: string; victim: string };
  let ownCase: { id: string; victim: string };

  const victimOf = async (caseId: string) =>
    (
      await t.db.kysely
        .selectFrom("case_persons")
        .select("person_id")
        .where("case_id", "=", caseId)
        .where("part", "=", "victim")
        .executeTakeFirstOrThrow()
    ).person_id;
  const refer = (caseId: string, personId: string, to: string, disclosesIdentity: boolean) =>
    as.advocate?.post(`/api/v1/cases/${caseId}/referrals`, {
      personId,
      toAgencyId: agency[to]?.id,
      domain: "health",
      service: "forensic exam",
      disclosesIdentity,
    }) as ReturnType<TestClient["post"]>;
  const consent = (personId: string, to: string) =>
    as.advocate?.post(`/api/v1/persons/${personId}/consents`, {
      recipientAgencyId: agency[to]?.id,
      givenByPersonId: personId,
      categories: ["identity"],
      purpose: "Forensic exam at the clinic",
      form: "signed_form",
      expiresAt: "2027-03-01T00:00:00Z",
    }) as ReturnType<TestClient["post"]>;
  const answer = async (who: string, referralId: string, status: string) => {
    const res = await as[who]?.post(`/api/v1/referrals/${referralId}/respond`, {
      version: 1,
      status,
      ...(status === "declined" ? { reason: "No appointments this month" } : {}),
    });
    assert.equal(res?.statusCode, 200, res?.body);
  };

  before(async () => {
    ctx = testContext(t.db, clock);
    app = await testApp(ctx);
    for (const [name, kind] of [
      ["cps", "cps"],
      ["tower", "victim_services"],
      ["bridge", "medical"],
      ["otherClinic", "medical"],
      ["thirdClinic", "medical"],
    ] as const) {
      const row = await buildAgency(t.db, { kind, name: `Consent step ${name} ${t.dialect}` });
      agency[name] = { id: row.id, name: row.name };
    }
    for (const [name, role, at] of [
      ["cps", "cps_investigator", "cps"],
      ["advocate", "victim_advocate", "tower"],
      ["nurse", "medical", "bridge"],
      ["otherNurse", "medical", "otherClinic"],
      ["thirdNurse", "medical", "thirdClinic"],
    ] as const) {
      member[name] = await signedInAs(ctx, role, { id: agency[at]?.id as string });
      as[name] = await (member[name] as Member).session(app);
    }
    // As in the demo: a child's case CPS holds (CPS took the child in), the advocate seated on
    // its team; and an adult's case the advocate's own agency holds.
    const opened = await buildCase(t.db, {
      agencyId: agency.cps?.id as string,
      persons: [{ part: "victim", givenName: "Synthetic", familyName: "Childcase", ageYears: 15 }],
    });
    await buildTeamMember(ctx, { caseId: opened.id, member: member.advocate, by: member.cps });
    cpsCase = { id: opened.id, victim: await victimOf(opened.id) };
    const own = await buildCase(t.db, {
      agencyId: agency.tower?.id as string,
      source: "shelter",
      persons: [{ part: "victim", givenName: "Synthetic", familyName: "Adultcase", ageYears: 27 }],
    });
    ownCase = { id: own.id, victim: await victimOf(own.id) };
  });
  after(async () => {
    await app.close();
  });

  it("refuses a referral with the name and says who records the consent", async () => {
    const res = await refer(cpsCase.id, cpsCase.victim, "bridge", true);
    assert.equal(res.statusCode, 422, res.body);
    const error = res.json().error;
    assert.equal(error.code, "consent_required");
    assert.equal(error.field, "disclosesIdentity");
    assert.match(error.message, new RegExp(`An advocate at ${agency.tower?.name}`));
    assert.match(error.message, new RegExp(`with ${agency.bridge?.name}`));
    const step = await as.advocate?.get(
      `/api/v1/cases/${cpsCase.id}/consent-step?personId=${cpsCase.victim}&recipientAgencyId=${agency.bridge?.id}`,
    );
    assert.equal(step?.statusCode, 200, step?.body);
    assert.deepEqual(step?.json(), {
      holderAgencyId: agency.tower?.id,
      holderAgencyName: agency.tower?.name,
      recipientAgencyName: agency.bridge?.name,
      recordedBy: "advocate",
      callerRecords: true,
      consentOnRecord: false,
    });
    // CPS's own record is not released by a consent in Waypoint: its refusal says what to do.
    const fromCps = await as.cps?.post(`/api/v1/cases/${cpsCase.id}/referrals`, {
      personId: cpsCase.victim,
      toAgencyId: agency.bridge?.id,
      domain: "health",
      service: "forensic exam",
      disclosesIdentity: true,
    });
    assert.equal(fromCps?.statusCode, 422);
    assert.equal(fromCps?.json().error.code, "consent_required");
    assert.match(fromCps?.json().error.message, /does not keep consents in Waypoint/);
  });

  it("lets the advocate serving the person record the consent, and the referral goes with the name", async () => {
    const recorded = await consent(cpsCase.victim, "bridge");
    assert.equal(recorded.statusCode, 201, recorded.body);
    const stored = await t.db.kysely
      .selectFrom("consents")
      .select("holder_agency_id")
      .where("id", "=", recorded.json().id)
      .executeTakeFirstOrThrow();
    assert.equal(stored.holder_agency_id, agency.tower?.id, "held by the advocate's own agency");
    const listed = await as.advocate?.get(`/api/v1/persons/${cpsCase.victim}/consents`);
    assert.equal(listed?.statusCode, 200, listed?.body);
    assert.equal(listed?.json().consents.length, 1);
    // Someone who does not serve the person still finds no such person.
    const stranger = await signedInAs(ctx, "victim_advocate", "victim_services");
    const elsewhere = await (await stranger.session(app)).get(
      `/api/v1/persons/${cpsCase.victim}/consents`,
    );
    assert.equal(elsewhere.statusCode, 404);

    const sent = await refer(cpsCase.id, cpsCase.victim, "bridge", true);
    assert.equal(sent.statusCode, 201, sent.body);
    assert.equal(sent.json().disclosureBasis, "consent");
    assert.equal(sent.json().consentId, recorded.json().id);
    const incoming = await as.nurse?.get("/api/v1/me/referrals");
    const arrived = incoming?.json().referrals.find((r: { id: string }) => r.id === sent.json().id);
    assert.equal(arrived?.identity.familyName, "Childcase");
  });

  it("opens the case to the clinic once it accepts, and to no other clinic", async () => {
    const missing = await as.nurse?.get("/api/v1/cases/01900000-0000-7000-8000-00000000abcd");
    const sentOnly = await as.nurse?.get(`/api/v1/cases/${cpsCase.id}`);
    assert.equal(sentOnly?.statusCode, 404, "a referral only sent is no basis yet");
    const incoming = await as.nurse?.get("/api/v1/me/referrals");
    const referral = incoming?.json().referrals[0] as { id: string };
    await answer("nurse", referral.id, "accepted");

    const read = await as.nurse?.get(`/api/v1/cases/${cpsCase.id}`);
    assert.equal(read?.statusCode, 200, read?.body);
    const victim = read?.json().persons.find((p: { part: string }) => p.part === "victim");
    assert.equal(victim.identity.familyName, "Childcase");
    const listed = await as.nurse?.get("/api/v1/cases");
    assert.ok(listed?.json().cases.some((c: { id: string }) => c.id === cpsCase.id));

    const other = await as.otherNurse?.get(`/api/v1/cases/${cpsCase.id}`);
    assert.equal(other?.statusCode, 404);
    assert.deepEqual(other?.json(), missing?.json(), "exactly like a case that does not exist");
    const otherList = await as.otherNurse?.get("/api/v1/cases");
    assert.ok(!otherList?.json().cases.some((c: { id: string }) => c.id === cpsCase.id));
  });

  it("gives a declined referral no scope", async () => {
    const sent = await refer(cpsCase.id, cpsCase.victim, "thirdClinic", false);
    assert.equal(sent.statusCode, 201, sent.body);
    await answer("thirdNurse", sent.json().id, "declined");
    const read = await as.thirdNurse?.get(`/api/v1/cases/${cpsCase.id}`);
    assert.equal(read?.statusCode, 404);
  });

  it("shows the clinic a victim-services record's identity only under the person's consent", async () => {
    const sent = await refer(ownCase.id, ownCase.victim, "otherClinic", false);
    assert.equal(sent.statusCode, 201, sent.body);
    await answer("otherNurse", sent.json().id, "accepted");
    const victim = async () => {
      const read = await as.otherNurse?.get(`/api/v1/cases/${ownCase.id}`);
      assert.equal(read?.statusCode, 200, read?.body);
      return read?.json().persons.find((p: { part: string }) => p.part === "victim");
    };
    const before = await victim();
    assert.deepEqual(before.identity, {});
    assert.ok(before.withheld.includes("familyName"));
    const recorded = await consent(ownCase.victim, "otherClinic");
    assert.equal(recorded.statusCode, 201, recorded.body);
    const afterConsent = await victim();
    assert.equal(afterConsent.identity.familyName, "Adultcase");
    assert.equal(afterConsent.disclosureBasis, "consent");
  });
});
