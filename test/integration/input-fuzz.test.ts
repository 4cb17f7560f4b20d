import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { Role } from "../../src/domain/roles.ts";
import { fixedClock } from "../../src/server/clock.ts";
import type { AppContext } from "../../src/server/context.ts";
import { testApp, testContext } from "../support/context.ts";
import { describeOnEachDatabase } from "../support/databases.ts";
import { buildFuzzFixture, type FuzzFixture } from "../support/fuzz-fixture.ts";
import {
  isIdField,
  operationInputs,
  sample,
  stringLeaves,
  withLeaf,
} from "../support/fuzz-inputs.ts";

/**
 * Every route in the route table, signed in as each of several roles, with a plausible body (from
 * the route's own schema), then NUL bytes in each string field, path parameter and query
 * parameter, and unknown ids in every id-looking field. Nothing may answer 5xx: a NUL is refused
 * at the schema naming the field, a malformed path id answers like an unknown one, and an unknown
 * referenced id is the caller's mistake, never the database's error.
 */
const ROLES_SIGNED_IN: Role[] = [
  "victim_advocate",
  "cps_investigator",
  "task_force_lead",
  "state_coordinator",
  "agency_admin",
  "system_admin",
];
const UNKNOWN_ID = "01900000-0000-7000-8000-00000000f00d";
const NUL = "\u0000";

describeOnEachDatabase("input fuzz: NUL bytes and unknown ids never answer 5xx", (t) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  const clock = fixedClock(new Date("2026-09-01T15:00:00Z"));
  const ids: Record<string, string> = {};

  let send: FuzzFixture["send"];

  before(async () => {
    ctx = testContext(t.db, clock);
    app = await testApp(ctx);
    await app.ready();
    const fixture = await buildFuzzFixture(t.db, ctx, app, clock, ROLES_SIGNED_IN);
    Object.assign(ids, fixture.ids);
    send = fixture.send;
  });
  after(async () => {
    await app.close();
  });

  /** Real ids for the fields a body references, by name. */
  const idFor = (field: string): string => {
    if (/AgencyId$|^agencyId$/.test(field)) return ids.agency as string;
    if (/PersonId$|^personId$/.test(field)) return ids.person as string;
    if (field === "userId") return ids.user as string;
    if (field === "membershipId") return ids.membership as string;
    if (field === "taskForceId") return ids.taskForce as string;
    if (field === "after") return ids.case as string;
    return UNKNOWN_ID;
  };
  const paramFor = (url: string, param: string): string => {
    if (param === "itemId") return ids.planItem as string;
    if (param === "personId") return ids.person as string;
    const prefix: [string, string][] = [
      ["/api/v1/cases/", "case"],
      ["/api/v1/persons/", "person"],
      ["/api/v1/consents/", "consent"],
      ["/api/v1/obligations/", "obligation"],
      ["/api/v1/users/", "user"],
      ["/api/v1/task-forces/", "taskForce"],
      ["/api/v1/plans/", "plan"],
      ["/api/v1/referrals/", "referral"],
    ];
    const kind = prefix.find(([p]) => url.startsWith(p))?.[1];
    return (kind && ids[kind]) || UNKNOWN_ID;
  };

  it("names the field holding a NUL, and answers a NUL id like an unknown id", async () => {
    const login = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: `a${NUL}b@test.invalid`, password: "whatever it is" },
    });
    assert.equal(login.statusCode, 400);
    assert.deepEqual(login.json().error, {
      code: "invalid_input",
      message: "email: must not contain a NUL character",
      field: "email",
    });
    const nested = await send("victim_advocate", "POST", "/api/v1/cases", {
      source: "other",
      persons: [{ part: "victim", givenName: `Fu${NUL}zz` }],
    });
    assert.equal(nested.statusCode, 400);
    assert.equal(nested.json().error.field, "persons.0.givenName");
    const unknown = await send("victim_advocate", "GET", `/api/v1/cases/${UNKNOWN_ID}`);
    for (const id of ["%00", `${ids.case}%00`]) {
      const res = await send("victim_advocate", "GET", `/api/v1/cases/${id}`);
      assert.equal(res.statusCode, 404);
      assert.deepEqual(res.json(), unknown.json());
    }
    const query = await send("victim_advocate", "GET", "/api/v1/cases?after=%00");
    assert.equal(query.statusCode, 400);
    assert.equal(query.json().error.field, "after");
  });

  it("answers an unknown referenced id as the caller's mistake, naming the field", async () => {
    const tf = await send("state_coordinator", "POST", "/api/v1/task-forces", {
      name: "x task force",
      agencyId: "nope",
    });
    assert.equal(tf.statusCode, 404);
    assert.deepEqual(tf.json().error, {
      code: "not_found",
      message: "No such agency.",
      field: "agencyId",
    });
    // A case's id where the plan's belongs: the same answer as any unknown plan.
    const item = { domain: "health", need: "A need", service: "physical exam" };
    const wrongKind = await send(
      "victim_advocate",
      "POST",
      `/api/v1/plans/${ids.case}/items`,
      item,
    );
    const unknown = await send(
      "victim_advocate",
      "POST",
      `/api/v1/plans/${UNKNOWN_ID}/items`,
      item,
    );
    assert.equal(wrongKind.statusCode, 404);
    assert.deepEqual(wrongKind.json(), unknown.json());
  });

  it("answers every route, role and poisoned input without a 5xx", async () => {
    const doc = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    const failures: string[] = [];
    let requests = 0;
    for (const role of ROLES_SIGNED_IN) {
      for (const route of app.routeTable) {
        const op = operationInputs(doc, route.method, route.url);
        const params = Object.fromEntries(op.pathParams.map((p) => [p, paramFor(route.url, p)]));
        const query = Object.fromEntries(
          op.queryParams.map((q) => [q.name, String(sample(q.schema, q.name, idFor))]),
        );
        // A route without a JSON body (the raw upload) gets an empty object; `send` uploads text.
        const body =
          route.method === "GET" ? undefined : op.body ? sample(op.body, "body", idFor) : {};
        const urlWith = (p: Record<string, string>, q: Record<string, string>) => {
          const path = route.url.replace(/:(\w+)/g, (_, name) => p[name] as string);
          const qs = new URLSearchParams(q).toString();
          return qs ? `${path}?${qs}` : path;
        };
        const attempt = async (what: string, url: string, payload: unknown) => {
          requests++;
          const res = await send(role, route.method, url, payload);
          const line = `${role} ${route.method} ${route.url} [${what}] → ${res.statusCode} ${res.body.slice(0, 200)}`;
          if (res.statusCode >= 500) failures.push(line);
          // The error handler's unknown_reference is a safety net: the use case, which knows the
          // field, must have checked the referenced row first.
          else if (res.statusCode === 422 && res.json().error.code === "unknown_reference")
            failures.push(`${line} (the database's foreign key answered, not the use case)`);
          return { res, line };
        };
        const expect400 = async (what: string, url: string, payload: unknown, field: string) => {
          const { res, line } = await attempt(what, url, payload);
          const error = res.statusCode === 400 ? res.json().error : undefined;
          if (res.statusCode < 500 && (error?.field !== field || !/NUL/.test(error?.message)))
            failures.push(`${line} (expected 400 naming ${field} and the NUL)`);
        };

        const baseline = await attempt("plausible", urlWith(params, query), body);
        // Unknown ids in every path parameter: the answer a malformed id must give too.
        for (const p of op.pathParams) {
          const unknown = await attempt(
            `${p}=unknown`,
            urlWith({ ...params, [p]: UNKNOWN_ID }, query),
            body,
          );
          await attempt(`${p}=nope`, urlWith({ ...params, [p]: "nope" }, query), body);
          // An id of another kind (a case id where a plan id belongs) must not reach a foreign key.
          for (const other of [ids.case, ids.person, ids.user] as string[])
            if (other !== params[p])
              await attempt(`${p}=other kind`, urlWith({ ...params, [p]: other }, query), body);
          for (const poisoned of ["%00", `${params[p]}%00`, "a%00b"]) {
            const { res, line } = await attempt(
              `${p}=${poisoned}`,
              urlWith(params, query).replace(params[p] as string, poisoned),
              body,
            );
            const u = unknown.res;
            if (u.statusCode === 404 && (res.statusCode !== 404 || res.body !== u.body))
              failures.push(`${line} (expected the unknown id's answer: ${u.body})`);
          }
        }
        for (const q of op.queryParams)
          await expect400(
            `?${q.name}=NUL`,
            urlWith(params, { ...query, [q.name]: `a${NUL}b` }),
            body,
            q.name,
          );
        if (body === undefined || baseline.res.statusCode === 415) continue;
        for (const leaf of stringLeaves(body)) {
          const value = `${leaf.path.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], body)}`;
          const field = leaf.path.join(".") || "body";
          await expect400(
            `${field}=NUL`,
            urlWith(params, query),
            withLeaf(body, leaf.path, `${value}${NUL}`),
            field,
          );
          if (isIdField(leaf.key))
            for (const unknown of [UNKNOWN_ID, "nope"]) {
              const { res, line } = await attempt(
                `${field}=${unknown}`,
                urlWith(params, query),
                withLeaf(body, leaf.path, unknown),
              );
              if (res.statusCode === 422 && res.json().error.field !== field)
                failures.push(`${line} (a 422 must name ${field})`);
            }
        }
        if (body && typeof body === "object" && !Array.isArray(body))
          await attempt("NUL key", urlWith(params, query), { ...body, [`k${NUL}`]: "x" });
      }
    }
    assert.ok(requests > 1000, `only ${requests} requests were made`);
    assert.deepEqual(failures, [], `${failures.length} of ${requests} requests failed`);
  });
});
