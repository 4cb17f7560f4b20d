import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { totpAt } from "../../src/server/auth/totp.ts";
import { fixedClock } from "../../src/server/clock.ts";
import type { AppContext } from "../../src/server/context.ts";
import { disableUser } from "../../src/server/use-cases/accounts/disable-user.ts";
import { unlockUser } from "../../src/server/use-cases/accounts/unlock-user.ts";
import { createApiToken } from "../../src/server/use-cases/auth/create-api-token.ts";
import { revokeApiToken } from "../../src/server/use-cases/auth/revoke-api-token.ts";
import { testApp, testContext } from "../support/context.ts";
import { describeOnEachDatabase } from "../support/databases.ts";
import { buildAgency, buildUser } from "../support/factories.ts";
import { signedIn, TestClient } from "../support/http-client.ts";

const MINUTE = 60_000;

describeOnEachDatabase("authentication", (t) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  const clock = fixedClock(new Date("2026-06-01T14:00:00Z"));
  before(async () => {
    ctx = testContext(t.db, clock);
    app = await testApp(ctx);
  });
  after(async () => {
    await app.close();
  });

  it("signs in a role without MFA and sets a __Host- cookie: Secure, HttpOnly, SameSite=Strict", async () => {
    const agency = await buildAgency(t.db, { kind: "other" });
    const user = await buildUser(ctx, { agencyId: agency.id, role: "screener" });
    const client = new TestClient(app);
    const res = await client.post("/api/v1/auth/login", {
      email: user.email,
      password: user.password,
    });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().status, "signed_in");
    const cookie = String(res.headers["set-cookie"]);
    assert.match(cookie, /^__Host-waypoint=[A-Za-z0-9_-]{22};/);
    for (const attr of ["Path=/", "Secure", "HttpOnly", "SameSite=Strict"])
      assert.ok(cookie.includes(attr), attr);
    assert.equal((await client.get("/api/v1/me")).json().role, "screener");
  });

  it("enrols TOTP with a QR code, returns recovery codes once, and issues a new session token", async () => {
    const agency = await buildAgency(t.db, { kind: "cps" });
    const user = await buildUser(ctx, { agencyId: agency.id, role: "cps_investigator" });
    const client = new TestClient(app);
    const login = await client.post("/api/v1/auth/login", {
      email: user.email,
      password: user.password,
    });
    assert.equal(login.json().status, "mfa_enrolment_required");
    assert.equal(
      (await client.get("/api/v1/me")).statusCode,
      401,
      "no access before the second factor",
    );
    const enrol = await client.post("/api/v1/auth/mfa/enrol");
    assert.equal(enrol.statusCode, 200, enrol.body);
    const { qrSvg, otpauthUri, secret } = enrol.json();
    assert.match(qrSvg, /^<svg/);
    assert.match(otpauthUri, /^otpauth:\/\/totp\/Waypoint:/);
    const before = client.cookie;
    const confirm = await client.post("/api/v1/auth/mfa/enrol/confirm", {
      code: await totpAt(secret, clock.now()),
    });
    assert.equal(confirm.statusCode, 200, confirm.body);
    assert.equal(confirm.json().recoveryCodes.length, 10);
    assert.notEqual(client.cookie, before, "a new token after the privilege change");
    assert.equal((await client.get("/api/v1/me")).statusCode, 200);
  });

  it("rejects a TOTP code that was already used (replay), and accepts a recovery code only once", async () => {
    const agency = await buildAgency(t.db, { kind: "law_enforcement" });
    const user = await buildUser(ctx, { agencyId: agency.id, role: "ht_investigator", mfa: true });
    const code = await totpAt(user.secret as string, clock.now());
    const first = new TestClient(app);
    await first.post("/api/v1/auth/login", { email: user.email, password: user.password });
    assert.equal((await first.post("/api/v1/auth/mfa", { code })).statusCode, 200);
    const second = new TestClient(app);
    await second.post("/api/v1/auth/login", { email: user.email, password: user.password });
    const replay = await second.post("/api/v1/auth/mfa", { code });
    assert.equal(replay.statusCode, 401);
    assert.equal(replay.json().error.code, "invalid_credentials");
    await unlockUser(ctx, user.email, null); // clear the failure the replay counted
  });

  it("locks an account after 5 failures in 15 minutes, answering exactly as for an unknown account", async () => {
    const agency = await buildAgency(t.db, { kind: "other" });
    const user = await buildUser(ctx, { agencyId: agency.id, role: "screener" });
    const client = new TestClient(app);
    const unknown = await client.post("/api/v1/auth/login", {
      email: "nobody@test.waypoint.invalid",
      password: "whatever it is 123",
    });
    for (let i = 0; i < 5; i++) {
      const wrong = await client.post("/api/v1/auth/login", {
        email: user.email,
        password: "not the password at all",
      });
      assert.equal(wrong.statusCode, 401);
      assert.equal(wrong.body, unknown.body);
    }
    const locked = await client.post("/api/v1/auth/login", {
      email: user.email,
      password: user.password,
    });
    assert.equal(locked.statusCode, 401);
    assert.equal(locked.body, unknown.body);
    const actions = await t.db.kysely
      .selectFrom("audit_log")
      .select(["action", "outcome"])
      .where("record_id", "=", user.userId)
      .execute();
    assert.ok(actions.some((a) => a.action === "auth.lockout"));
    await unlockUser(ctx, user.email, null);
    assert.equal(
      (await client.post("/api/v1/auth/login", { email: user.email, password: user.password }))
        .statusCode,
      200,
    );
  });

  it("spreads failures over more than 15 minutes without locking", async () => {
    const agency = await buildAgency(t.db, { kind: "other" });
    const user = await buildUser(ctx, { agencyId: agency.id, role: "screener" });
    const client = new TestClient(app);
    for (let i = 0; i < 6; i++) {
      await client.post("/api/v1/auth/login", {
        email: user.email,
        password: "not the password at all",
      });
      clock.advance(4 * MINUTE);
    }
    assert.equal(
      (await client.post("/api/v1/auth/login", { email: user.email, password: user.password }))
        .statusCode,
      200,
    );
  });

  it("ends a session after 30 idle minutes, and after 12 hours however active", async () => {
    const agency = await buildAgency(t.db, { kind: "other" });
    const user = await buildUser(ctx, { agencyId: agency.id, role: "screener" });
    const idle = await signedIn(app, user, clock);
    clock.advance(29 * MINUTE);
    assert.equal((await idle.get("/api/v1/me")).statusCode, 200);
    clock.advance(31 * MINUTE);
    assert.equal((await idle.get("/api/v1/me")).statusCode, 401);
    const busy = await signedIn(app, user, clock);
    for (let elapsed = 0; elapsed < 12 * 60 - 20; elapsed += 20) {
      clock.advance(20 * MINUTE);
      assert.equal((await busy.get("/api/v1/me")).statusCode, 200, `at ${elapsed + 20} minutes`);
    }
    clock.advance(25 * MINUTE);
    assert.equal((await busy.get("/api/v1/me")).statusCode, 401);
  });

  it("ends sessions at once on logout and on disable; demands the CSRF token", async () => {
    const agency = await buildAgency(t.db, { kind: "other" });
    const user = await buildUser(ctx, { agencyId: agency.id, role: "screener" });
    const client = await signedIn(app, user, clock);
    const csrf = client.csrf;
    client.csrf = undefined;
    const forged = await client.post("/api/v1/auth/logout");
    assert.equal(forged.statusCode, 403);
    assert.equal(forged.json().error.code, "csrf_failed");
    client.csrf = csrf;
    const stolenCookie = client.cookie;
    assert.equal((await client.post("/api/v1/auth/logout")).statusCode, 204);
    const replayed = new TestClient(app);
    replayed.cookie = stolenCookie;
    assert.equal((await replayed.get("/api/v1/me")).statusCode, 401);

    const other = await signedIn(app, user, clock);
    await disableUser(ctx, user.email, null);
    assert.equal((await other.get("/api/v1/me")).statusCode, 401);
  });

  it("accepts API tokens as their user, audits every use, and refuses them once the user is disabled", async () => {
    const agency = await buildAgency(t.db, { kind: "other" });
    const user = await buildUser(ctx, { agencyId: agency.id, role: "screener" });
    const { token, id } = await createApiToken(
      ctx,
      { email: user.email, name: "nightly export" },
      null,
    );
    const stored = await t.db.kysely
      .selectFrom("api_tokens")
      .select("token_hash")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    assert.notEqual(stored.token_hash, token);
    const client = new TestClient(app);
    client.bearer = token;
    assert.equal((await client.get("/api/v1/me")).json().email, user.email);
    assert.equal((await client.get("/api/v1/me")).statusCode, 200);
    const uses = await t.db.kysely
      .selectFrom("audit_log")
      .select("seq")
      .where("action", "=", "token.use")
      .where("record_id", "=", id)
      .execute();
    assert.equal(uses.length, 2);
    const spare = await createApiToken(ctx, { email: user.email, name: "spare" }, null);
    await revokeApiToken(ctx, spare.id, null);
    const revoked = new TestClient(app);
    revoked.bearer = spare.token;
    assert.equal(
      (await revoked.get("/api/v1/me")).statusCode,
      401,
      "a revoked token stops at once",
    );
    await disableUser(ctx, user.email, null);
    assert.equal((await client.get("/api/v1/me")).statusCode, 401);
  });
});
