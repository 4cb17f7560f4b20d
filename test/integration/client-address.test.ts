import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { Config } from "../../src/server/config.ts";
import type { AppContext } from "../../src/server/context.ts";
import { testApp, testContext } from "../support/context.ts";
import { describeOnEachDatabase } from "../support/databases.ts";
import { buildAgency, buildUser } from "../support/factories.ts";

const CLIENT_A = "203.0.113.7";
const CLIENT_B = "198.51.100.23";

/**
 * Behind a reverse proxy the socket address is the proxy's; the client's is in X-Forwarded-For,
 * which only a trusted proxy may set (WAYPOINT_TRUST_PROXY). The audit and the login rate
 * limit both use the address Fastify resolves (`req.ip`).
 */
describeOnEachDatabase("client address behind a reverse proxy", (t) => {
  let ctx: AppContext;
  const apps: FastifyInstance[] = [];
  let email: string;
  before(async () => {
    ctx = testContext(t.db);
    const agency = await buildAgency(t.db, { kind: "other" });
    email = (await buildUser(ctx, { agencyId: agency.id, role: "screener" })).email;
  });
  after(async () => {
    for (const app of apps) await app.close();
  });

  const appWith = async (trustProxy: Config["trustProxy"]) => {
    const app = await testApp(ctx, {
      config: { logLevel: "silent", env: "test", trustProxy },
      loginRateLimit: { max: 2, timeWindow: "1 minute" },
    });
    apps.push(app);
    return app;
  };
  /** A failed sign-in sent from `socket` carrying `forwarded`; returns its status and audited address. */
  const failedLogin = async (app: FastifyInstance, socket: string, forwarded?: string) => {
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      remoteAddress: socket,
      headers: forwarded ? { "x-forwarded-for": forwarded } : {},
      payload: { email, password: "not the password at all" },
    });
    const row = await t.db.kysely
      .selectFrom("audit_log")
      .select("client_ip")
      .where("action", "=", "auth.login")
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    return { status: res.statusCode, auditedIp: row.client_ip };
  };

  it("with the proxy trusted, audits and rate-limits by the forwarded client address", async () => {
    const app = await appWith(["127.0.0.1"]);
    assert.deepEqual(await failedLogin(app, "127.0.0.1", CLIENT_A), {
      status: 401,
      auditedIp: CLIENT_A,
    });
    assert.equal((await failedLogin(app, "127.0.0.1", CLIENT_A)).status, 401);
    assert.equal((await failedLogin(app, "127.0.0.1", CLIENT_A)).status, 429, "A's limit is spent");
    assert.deepEqual(
      await failedLogin(app, "127.0.0.1", `${CLIENT_A}, ${CLIENT_B}`),
      { status: 401, auditedIp: CLIENT_B },
      "the proxy's own entry (the last) is the client; B has its own limit",
    );
  });

  it("ignores X-Forwarded-For from an address that is not a trusted proxy", async () => {
    const app = await appWith(["127.0.0.1"]);
    const direct = "192.0.2.50";
    assert.deepEqual(await failedLogin(app, direct, CLIENT_A), { status: 401, auditedIp: direct });
    await failedLogin(app, direct, CLIENT_B);
    assert.equal(
      (await failedLogin(app, direct, "192.0.2.99")).status,
      429,
      "one limit, spoofing aside",
    );
  });

  it("trusts a hop count of proxies", async () => {
    const app = await appWith({ hops: 1 });
    assert.equal(
      (await failedLogin(app, "127.0.0.1", `10.9.9.9, ${CLIENT_A}`)).auditedIp,
      CLIENT_A,
    );
  });

  it("with trust off (the default), ignores X-Forwarded-For: the socket address is audited and limited", async () => {
    for (const app of [await appWith(false), await testAppDefault()]) {
      assert.deepEqual(await failedLogin(app, "127.0.0.1", CLIENT_A), {
        status: 401,
        auditedIp: "127.0.0.1",
      });
    }
    const off = await appWith(false);
    await failedLogin(off, "127.0.0.1", CLIENT_A);
    await failedLogin(off, "127.0.0.1", CLIENT_B);
    assert.equal((await failedLogin(off, "127.0.0.1", "192.0.2.99")).status, 429);
  });

  const testAppDefault = async () => {
    const app = await testApp(ctx);
    apps.push(app);
    return app;
  };
});
