import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/server/app.ts";
import { testContext } from "../support/context.ts";
import { createTestDatabase, type TestDatabase } from "../support/databases.ts";
import { checkAgainst, loadExamples } from "../support/examples.ts";

// The assessment stores nothing, so one database dialect is enough here.
describe("assessment API", () => {
  let app: FastifyInstance;
  let t: TestDatabase & { dispose(): Promise<void> };
  before(async () => {
    t = await createTestDatabase("sqlite");
    app = await buildApp({
      config: { logLevel: "silent", env: "test" },
      ctx: testContext(t.db),
      publicRateLimit: { max: 1000, timeWindow: "1 minute" },
    });
  });
  after(async () => {
    await app.close();
    await t.dispose();
  });

  for (const example of loadExamples()) {
    it(`assesses ${example.name} as the contract expects`, async () => {
      const res = await app.inject({
        method: "POST",
        url: "/api/v1/assessments",
        payload: example.facts as object,
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(checkAgainst(example.expect, res.json()), []);
      assert.equal(res.headers["cache-control"], "no-store");
    });
  }

  for (const [payload, field] of [
    [{ subject: { age: 130 } }, "subject.age"],
    [{ subject: { agee: 1 } }, "subject.agee"],
    [{ indicators: ["tattoo"] }, "indicators.0"],
    [{ sex: { act: "yes" } }, "sex.act"],
  ] as const) {
    it(`answers 400 naming ${field}`, async () => {
      const res = await app.inject({ method: "POST", url: "/api/v1/assessments", payload });
      assert.equal(res.statusCode, 400);
      const body = res.json();
      assert.equal(body.error.code, "invalid_input");
      assert.equal(body.error.field, field);
      assert.ok(body.error.message.startsWith(`${field}: `));
    });
  }

  it("answers 400 on a body that is not JSON, without internals", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/assessments",
      headers: { "content-type": "application/json" },
      payload: "{nope",
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.code, "invalid_request");
    assert.ok(!res.body.includes("at "), "no stack trace");
  });

  it("speaks Spanish on ?lang=es", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/assessments?lang=es",
      payload: { subject: { age: 15 }, sex: { act: true, valueExchanged: true } },
    });
    assert.equal(res.json().determinationLabel, "Trata sexual de una persona menor de edad");
  });

  it("serves the questionnaire in English and Spanish", async () => {
    const en = (await app.inject({ method: "GET", url: "/api/v1/questionnaire" })).json();
    const es = (await app.inject({ method: "GET", url: "/api/v1/questionnaire?lang=es" })).json();
    assert.equal(en.lang, "en");
    assert.equal(es.lang, "es");
    assert.equal(es.questions.length, en.questions.length);
    assert.equal(
      es.questions.find((q: { id: string }) => q.id === "age").text,
      "¿Qué edad tiene la persona?",
    );
    const bad = await app.inject({ method: "GET", url: "/api/v1/questionnaire?lang=fr" });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.field, "lang");
  });

  it("walks a screening step by step without storing anything", async () => {
    const step = async (answers: Record<string, string | number>) =>
      (
        await app.inject({ method: "POST", url: "/api/v1/screening/next", payload: { answers } })
      ).json();
    assert.equal((await step({})).next, "age");
    assert.equal((await step({ age: 15 })).next, "sex_act");
    const third = await step({ age: 15, sex_act: "yes", value_exchanged: "yes" });
    assert.equal(third.assessment.determination, "sex_trafficking_minor");
    assert.ok(third.assessment.actions.includes("report_cps"));
    const bad = await app.inject({
      method: "POST",
      url: "/api/v1/screening/next",
      payload: { answers: { age: "old" } },
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.field, "answers.age");
    const cases = await t.db.kysely.selectFrom("cases").select("id").execute();
    assert.equal(cases.length, 0);
  });
});

describe("assessment API rate limit", () => {
  it("answers 429 with the error body once a client exceeds the public limit", async () => {
    const t = await createTestDatabase("sqlite");
    const app = await buildApp({
      config: { logLevel: "silent", env: "test" },
      ctx: testContext(t.db),
      publicRateLimit: { max: 3, timeWindow: "1 minute" },
    });
    try {
      const send = () => app.inject({ method: "POST", url: "/api/v1/assessments", payload: {} });
      for (let i = 0; i < 3; i++) assert.equal((await send()).statusCode, 200);
      const limited = await send();
      assert.equal(limited.statusCode, 429);
      assert.equal(limited.json().error.code, "rate_limited");
      // Another client address is not affected.
      const other = await app.inject({
        method: "POST",
        url: "/api/v1/assessments",
        payload: {},
        remoteAddress: "10.0.0.9",
      });
      assert.equal(other.statusCode, 200);
    } finally {
      await app.close();
      await t.dispose();
    }
  });
});
