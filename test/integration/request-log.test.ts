import assert from "node:assert/strict";
import { it } from "node:test";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/server/app.ts";
import { testContext } from "../support/context.ts";
import { describeOnEachDatabase, type TestDatabase } from "../support/databases.ts";

/** The app at `level`, its log lines captured, with routes that log as handlers do. */
async function loggedApp(t: TestDatabase, level: string) {
  const lines: string[] = [];
  const app: FastifyInstance = await buildApp({
    config: { logLevel: level, env: "test" },
    ctx: testContext(t.db),
    logStream: { write: (line: string) => lines.push(line) },
  });
  app.get("/t/info-with-email", async (req) => {
    req.log.info({ email: "someone@example.invalid", step: 1 }, "did a thing");
    return { ok: true };
  });
  app.get("/t/warn", async (req) => {
    req.log.info("not at warn");
    req.log.warn({ step: 2 }, "careful");
    return { ok: true };
  });
  app.get("/t/child", async (req) => {
    req.log.child({ part: "sub" }).warn("from a child");
    return { level: req.log.level };
  });
  app.get("/t/fail", async () => {
    throw new Error("internal detail");
  });
  const logged = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { app, lines, logged };
}

describeOnEachDatabase("request logging", (t) => {
  it("info: one line a request, in the shape and key order the pino child wrote", async () => {
    const { app, lines, logged } = await loggedApp(t, "info");
    try {
      const res = await app.inject({ method: "GET", url: "/healthz" });
      assert.equal(res.statusCode, 200);
      assert.equal(lines.length, 1);
      const [line] = logged();
      assert.deepEqual(Object.keys(line ?? {}), [
        "level",
        "time",
        "pid",
        "hostname",
        "reqId",
        "res",
        "responseTime",
        "msg",
      ]);
      assert.match(String(line?.reqId), /^req-/);
      assert.deepEqual(line?.res, { statusCode: 200 });
      assert.equal(typeof line?.responseTime, "number");
      assert.equal(line?.msg, "request completed");
    } finally {
      await app.close();
    }
  });

  it("a line a handler writes carries the request id and is redacted; so is its completion line", async () => {
    const { app, lines, logged } = await loggedApp(t, "info");
    try {
      await app.inject({ method: "GET", url: "/t/info-with-email" });
      assert.ok(!lines.join("").includes("someone@example.invalid"), "the e-mail was logged");
      const [own, completed] = logged();
      assert.equal(own?.email, "[redacted]");
      assert.equal(own?.msg, "did a thing");
      assert.match(String(own?.reqId), /^req-/);
      assert.equal(completed?.reqId, own?.reqId);
      assert.equal(completed?.msg, "request completed");
      assert.equal(lines.length, 2);
    } finally {
      await app.close();
    }
  });

  it("warn: nothing for a request that logs nothing; a warning still carries its request id", async () => {
    const { app, lines, logged } = await loggedApp(t, "warn");
    try {
      await app.inject({ method: "GET", url: "/healthz" });
      await app.inject({ method: "GET", url: "/api/v1/nothing-here" });
      assert.equal(lines.length, 0);
      await app.inject({ method: "GET", url: "/t/warn" });
      const [line, ...rest] = logged();
      assert.equal(rest.length, 0);
      assert.equal(line?.msg, "careful");
      assert.equal(line?.step, 2);
      assert.match(String(line?.reqId), /^req-/);
      const child = await app.inject({ method: "GET", url: "/t/child" });
      assert.deepEqual(child.json(), { level: "warn" });
      const fromChild = logged()[1];
      assert.equal(fromChild?.part, "sub");
      assert.match(String(fromChild?.reqId), /^req-/);
    } finally {
      await app.close();
    }
  });

  it("an unhandled error: logged with its request id, answered as the catalogue's 500", async () => {
    const { app, logged } = await loggedApp(t, "warn");
    try {
      const res = await app.inject({ method: "GET", url: "/t/fail" });
      assert.equal(res.statusCode, 500);
      assert.equal(res.json().error.code, "internal_error");
      assert.ok(!res.body.includes("internal detail"));
      const [line] = logged();
      assert.equal(line?.msg, "unhandled error");
      assert.match(String(line?.reqId), /^req-/);
    } finally {
      await app.close();
    }
  });
});
