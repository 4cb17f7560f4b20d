import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { fixedClock } from "../../src/server/clock.ts";
import type { AppContext } from "../../src/server/context.ts";
import { testApp, testContext } from "../support/context.ts";
import { describeOnEachDatabase } from "../support/databases.ts";
import { buildAgency, signedInAs } from "../support/factories.ts";
import type { TestClient } from "../support/http-client.ts";
import { storedText } from "../support/stored-text.ts";

/** Canaries for the intake's narrative and the person record's sealed details (issue 13). */
const CANARY = {
  narrative: "Narrativecanary seen at the truck stop on Highway 49",
  language: "Languagecanary Mam",
  placement: "Placementcanary Harbor House shelter",
  phone: "601-555-0199",
  email: "emailcanary@example.test",
};

describeOnEachDatabase("the intake's narrative and the person record", (t) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  let advocate: TestClient;
  let caseId: string;

  before(async () => {
    ctx = testContext(t.db, fixedClock(new Date("2026-10-05T16:00:00Z")));
    app = await testApp(ctx);
    const agency = await buildAgency(t.db, { kind: "victim_services", county_fips: "28049" });
    advocate = await (
      await signedInAs(ctx, "victim_advocate", { id: agency.id }, { mfa: true })
    ).signIn(app);
    const res = await advocate.post("/api/v1/cases", {
      source: "shelter",
      narrative: CANARY.narrative,
      persons: [
        {
          part: "victim",
          ageYears: 15,
          birthDate: "2011-03-01",
          language: CANARY.language,
          placement: CANARY.placement,
          contacts: [
            { kind: "phone", value: CANARY.phone, safeToContact: false },
            { kind: "email", value: CANARY.email, safeToContact: true },
          ],
        },
        { part: "guardian", nonOffending: true },
      ],
      facts: { subject: { age: 15 }, sex: { act: true, valueExchanged: true } },
    });
    assert.equal(res.statusCode, 201, res.body);
    caseId = res.json().caseId;
  });
  after(async () => {
    await app.close();
  });

  it("keeps the narrative, language, placement and contacts sealed at rest", async () => {
    const haystack = await storedText(t);
    const plain = Object.entries(CANARY).filter(([, v]) => haystack.includes(v));
    assert.deepEqual(plain, [], `stored in plain text: ${plain.map(([k]) => k).join(", ")}`);
  });

  it("reads them back to the holding agency, with the do-not-call flag", async () => {
    const view = (await advocate.get(`/api/v1/cases/${caseId}`)).json();
    assert.equal(view.narrative, CANARY.narrative);
    const victim = view.persons.find((p: { part: string }) => p.part === "victim");
    assert.equal(victim.language, CANARY.language);
    assert.equal(victim.placement, CANARY.placement);
    assert.deepEqual(victim.contacts, [
      { kind: "phone", value: CANARY.phone, safeToContact: false },
      { kind: "email", value: CANARY.email, safeToContact: true },
    ]);
    const guardian = view.persons.find((p: { part: string }) => p.part === "guardian");
    assert.equal(guardian.nonOffending, true);
  });

  it("marks only a guardian non-offending, naming the field", async () => {
    const res = await advocate.post("/api/v1/cases", {
      source: "shelter",
      persons: [{ part: "family", nonOffending: true }],
    });
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().error.field, "persons.0.nonOffending");
  });
});
