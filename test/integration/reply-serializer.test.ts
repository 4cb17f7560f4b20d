import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { caseReplies } from "../../src/contract/cases/replies.ts";
import { operationsReplies } from "../../src/contract/operations/replies.ts";
import { workReplies } from "../../src/contract/work/replies.ts";
import { CASE_ABILITY_NAMES } from "../../src/domain/abilities.ts";
import { buildApp } from "../../src/server/app.ts";
import type { AppContext } from "../../src/server/context.ts";
import { compiled, compileReply } from "../../src/server/http/reply-serializer.ts";
import { openCase } from "../../src/server/use-cases/intake/open-case.ts";
import { testContext } from "../support/context.ts";
import { describeOnEachDatabase } from "../support/databases.ts";
import { buildObligation, signedInAs } from "../support/factories.ts";

/** A reply of each hot route, with an internal field at every level the schema does not name. */
const person = (n: number) => ({
  id: `p${n}`,
  part: "victim",
  holderAgencyId: "a1",
  version: n,
  ageYears: n === 1 ? null : 15,
  gender: null,
  citizenship: "us",
  language: null,
  nonOffending: null,
  placement: null,
  contacts: [],
  identity: { givenName: 'Ann \u2028 \ud83d\ude00 "quoted"', sealedPhone: "ciphertext" },
  withheld: ["phone", "address"],
  disclosureBasis: "own_agency",
  personRowVersion: 7,
});
const CASE_DETAIL = {
  id: "c1",
  caseNumber: "2026-000123",
  status: "open",
  source: "hotline",
  countyFips: null,
  receivedAt: "2026-01-01T00:00:00.000Z",
  determination: null,
  agencyId: "a1",
  version: 3,
  persons: [person(1), person(2)],
  outcome: null,
  closedAt: null,
  assignedWorker: { userId: "u1", displayName: "Worker One", email: "never@example.invalid" },
  nextDueAt: "2026-01-02T00:00:00.000Z",
  nextDue: { actionId: "report_cps", dueAt: "2026-01-02T00:00:00.000Z", dueState: "due_now" },
  abilities: { ...Object.fromEntries(CASE_ABILITY_NAMES.map((n) => [n, true])), internal: true },
  narrative: null,
  storyCiphertext: "never sent",
};
const MY_OBLIGATIONS = {
  obligations: [1, 2].map((i) => ({
    id: `o${i}`,
    caseId: "c1",
    caseNumber: "2026-000123",
    actionId: "cps_screen",
    ownerRole: "cps_investigator",
    dueAt: i === 1 ? null : "2026-01-02T00:00:00.000Z",
    claimed: i === 1,
    dueState: i === 1 ? "no_deadline" : "overdue",
    overdue: i === 2,
    version: 1.5,
    assigneeEmail: "someone@example.invalid",
  })),
  nextCursor: "internal",
};

describe("compiled reply serializers", () => {
  for (const [name, schema, reply] of [
    ["health", operationsReplies.health, { status: "ok", pid: 42 }],
    ["case detail", caseReplies.caseDetail, CASE_DETAIL],
    ["my obligations", workReplies.myObligations, MY_OBLIGATIONS],
  ] as const) {
    it(`${name}: writes exactly what zod's parse keeps, and no internal field`, () => {
      const text = compileReply(schema, name)(reply);
      assert.equal(text, JSON.stringify(z.parse(schema, reply)));
      for (const internal of [
        "pid",
        "sealedPhone",
        "ciphertext",
        "storyCiphertext",
        "never sent",
        "internal",
        "Email",
      ])
        assert.ok(!text.includes(internal), `${internal} leaked`);
    });
  }

  it("refuses at start-up a schema it would write wrongly: a union, a transform", () => {
    assert.throws(
      () => compileReply(z.object({ a: z.union([z.string(), z.object({ b: z.string() })]) }), "u"),
      /union/,
    );
    assert.throws(() => compileReply(z.object({ at: z.date() }), "d"));
    assert.throws(() => compileReply(z.object({ n: z.string().transform(Number) }), "t"));
  });
});

const probe = z.object({ count: z.number(), label: z.string() });
compiled(probe);

/** The app with one test route that answers `reply()` under the compiled `probe` schema. */
async function appAnswering(
  ctx: AppContext,
  env: "test" | "production",
  reply: () => unknown,
): Promise<FastifyInstance> {
  const app = await buildApp({ config: { logLevel: "silent", env }, ctx });
  app.get("/probe", { schema: { response: { 200: probe } } }, async () => reply() as never);
  return app;
}

describeOnEachDatabase("compiled replies over HTTP", (t) => {
  for (const env of ["test", "production"] as const) {
    it(`${env}: an extra field is not sent; a reply it cannot write is the catalogue's 500`, async () => {
      const replies: unknown[] = [
        { count: 2, label: "two", internalNote: "not for the client" },
        { label: "no count" },
        { count: "not a number", label: "x" },
      ];
      let next = 0;
      const app = await appAnswering(testContext(t.db), env, () => replies[next++]);
      try {
        const ok = await app.inject({ method: "GET", url: "/probe" });
        assert.equal(ok.statusCode, 200);
        assert.equal(ok.body, '{"count":2,"label":"two"}');
        for (let i = 1; i < replies.length; i++) {
          const bad = await app.inject({ method: "GET", url: "/probe" });
          assert.equal(bad.statusCode, 500);
          assert.deepEqual(bad.json(), {
            error: { code: "internal_error", message: "Something went wrong on our side." },
          });
          assert.equal(bad.headers["x-content-type-options"], "nosniff");
        }
      } finally {
        await app.close();
      }
    });
  }

  it("test and development: a reply zod refuses is a 500, though the compiled one would coerce it", async () => {
    // fast-json-stringify would send 7 as "7" and null as "": production trusts the handler's
    // types (checked by TypeScript); outside production zod checks every reply, so a test finds it.
    const app = await appAnswering(testContext(t.db), "test", () => ({ count: 1, label: 7 }));
    try {
      const res = await app.inject({ method: "GET", url: "/probe" });
      assert.equal(res.statusCode, 500);
      assert.equal(res.json().error.code, "internal_error");
    } finally {
      await app.close();
    }
  });

  it("the case read answers the same bytes in production (compiled only) as under zod's check", async () => {
    const ctx = testContext(t.db);
    const cps = await signedInAs(ctx, "cps_investigator", "cps");
    const opened = await openCase(ctx, {
      agencyId: cps.agencyId,
      source: "school",
      persons: [
        { part: "victim", givenName: "Dana", familyName: "Fable", ageYears: 15 },
        { part: "suspected_trafficker", givenName: "Rex" },
      ],
    });
    for (const dueAt of [null, "2026-03-02T15:00:00.000Z"])
      await buildObligation(ctx, { caseId: opened.id, owner: "cps_investigator", dueAt });
    const bodies: string[] = [];
    for (const env of ["test", "production"] as const) {
      const app = await buildApp({ config: { logLevel: "silent", env }, ctx });
      try {
        const client = await cps.session(app);
        const res = await client.get(`/api/v1/cases/${opened.id}`);
        assert.equal(res.statusCode, 200);
        bodies.push(res.body);
        const mine = await client.get("/api/v1/me/obligations");
        assert.equal(mine.statusCode, 200);
        bodies.push(mine.body);
      } finally {
        await app.close();
      }
    }
    assert.match(bodies[0] as string, /"givenName":"Dana"/);
    assert.equal(JSON.parse(bodies[1] as string).obligations.length, 2);
    assert.equal(bodies[2], bodies[0]);
    assert.equal(bodies[3], bodies[1]);
    assert.equal(
      bodies[0],
      JSON.stringify(z.parse(caseReplies.caseDetail, JSON.parse(bodies[0] as string))),
    );
  });
});
