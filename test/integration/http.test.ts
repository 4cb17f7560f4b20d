import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/server/app.ts";
import { testContext } from "../support/context.ts";
import { describeOnEachDatabase } from "../support/databases.ts";

describeOnEachDatabase("HTTP foundation", (t) => {
  let app: FastifyInstance;
  before(async () => {
    app = await buildApp({
      config: { logLevel: "silent", env: "test" },
      ctx: testContext(t.db),
    });
  });
  after(async () => {
    await app.close();
  });

  it("answers /healthz and /readyz", async () => {
    const health = await app.inject({ method: "GET", url: "/healthz" });
    assert.equal(health.statusCode, 200);
    assert.deepEqual(health.json(), { status: "ok" });
    const ready = await app.inject({ method: "GET", url: "/readyz" });
    assert.equal(ready.statusCode, 200);
    assert.deepEqual(ready.json(), { status: "ready", database: t.dialect, pendingMigrations: [] });
  });

  it("serves an OpenAPI 3 document and a docs page", async () => {
    const doc = await app.inject({ method: "GET", url: "/api/openapi.json" });
    assert.equal(doc.statusCode, 200);
    const body = doc.json();
    assert.match(body.openapi, /^3\./);
    assert.ok(body.paths["/readyz"]);
    const page = await app.inject({ method: "GET", url: "/api/docs/" });
    assert.equal(page.statusCode, 200);
    assert.match(page.headers["content-type"] as string, /text\/html/);
  });

  it("answers unknown API paths with a JSON error, and sets security headers", async () => {
    const res = await app.inject({ method: "GET", url: "/api/v1/nothing-here" });
    assert.equal(res.statusCode, 404);
    assert.deepEqual(res.json(), { error: { code: "not_found", message: "No such resource." } });
    assert.equal(res.headers["cache-control"], "no-store");
    assert.equal(res.headers["x-content-type-options"], "nosniff");
    assert.equal(res.headers["referrer-policy"], "no-referrer");
    assert.match(res.headers["content-security-policy"] as string, /frame-ancestors 'none'/);
  });

  it("answers the router's own errors in the one error shape", async () => {
    const long = await app.inject({ method: "GET", url: `/api/v1/cases/${"x".repeat(1500)}` });
    assert.equal(long.statusCode, 404);
    assert.deepEqual(long.json(), { error: { code: "not_found", message: "No such resource." } });
    const malformed = await app.inject({ method: "GET", url: "/api/v1/cases/%E0%A4%A" });
    assert.equal(malformed.statusCode, 400);
    assert.equal(malformed.json().error.code, "invalid_request");
  });

  it("serves the counties", async () => {
    const res = await app.inject({ method: "GET", url: "/api/v1/reference/counties" });
    assert.equal(res.json().counties.length, 82);
  });
});
