import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { totpAt } from "../../src/server/auth/totp.ts";
import { fixedClock } from "../../src/server/clock.ts";
import type { AppContext } from "../../src/server/context.ts";
import { sha256 } from "../../src/server/security/tokens.ts";
import { unlockUser } from "../../src/server/use-cases/accounts/unlock-user.ts";
import { verifyMfa } from "../../src/server/use-cases/auth/verify-mfa.ts";
import { testApp, testContext } from "../support/context.ts";
import { describeOnEachDatabase } from "../support/databases.ts";
import { buildAgency, buildUser } from "../support/factories.ts";
import { TestClient } from "../support/http-client.ts";

const STEP = 30_000;
const WRONG_PASSWORD = "not the password at all";

/** A well-formed code that is none of the codes the clock's window would accept. */
async function wrongCode(secret: string, now: Date): Promise<string> {
  const near = await Promise.all(
    [-2, -1, 0, 1, 2].map((k) => totpAt(secret, new Date(now.getTime() + k * STEP))),
  );
  for (const candidate of ["000000", "111111", "222222", "333333"])
    if (!near.includes(candidate)) return candidate;
  throw new Error("no wrong code found");
}

/** CJIS 5.5.3: failed second factors count with failed passwords; only a full sign-in forgets them. */
describeOnEachDatabase("account lockout across both sign-in steps", (t) => {
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

  const mfaUser = async () => {
    const agency = await buildAgency(t.db, { kind: "law_enforcement" });
    const user = await buildUser(ctx, { agencyId: agency.id, role: "ht_investigator", mfa: true });
    return { ...user, agencyId: agency.id, secret: user.secret as string };
  };
  const lockedAt = async (userId: string) =>
    (
      await t.db.kysely
        .selectFrom("users")
        .select("locked_at")
        .where("id", "=", userId)
        .executeTakeFirstOrThrow()
    ).locked_at;
  const login = (client: TestClient, email: string, password: string) =>
    client.post("/api/v1/auth/login", { email, password });
  const unknownAnswer = async () =>
    (await login(new TestClient(app), "nobody@test.waypoint.invalid", "whatever it is 123")).body;

  it("locks after 5 wrong TOTP codes following the right password, and refuses the right code after", async () => {
    const user = await mfaUser();
    const client = new TestClient(app);
    assert.equal((await login(client, user.email, user.password)).json().status, "mfa_required");
    const other = new TestClient(app);
    await login(other, user.email, user.password);
    for (let i = 0; i < 5; i++) {
      const res = await client.post("/api/v1/auth/mfa", {
        code: await wrongCode(user.secret, clock.now()),
      });
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().error.code, "invalid_credentials");
    }
    assert.notEqual(await lockedAt(user.userId), null, "locked_at is set");
    const lockouts = await t.db.kysely
      .selectFrom("audit_log")
      .select(["outcome", "detail"])
      .where("action", "=", "auth.lockout")
      .where("record_id", "=", user.userId)
      .execute();
    assert.equal(lockouts.length, 1);
    assert.equal(lockouts[0]?.outcome, "denied");

    clock.advance(STEP);
    const rightCode = await totpAt(user.secret, clock.now());
    const sameTab = await client.post("/api/v1/auth/mfa", { code: rightCode });
    assert.equal(sameTab.statusCode, 401, "the locked account's pending session is gone");
    const otherTab = await other.post("/api/v1/auth/mfa", { code: rightCode });
    assert.equal(otherTab.statusCode, 401, "no pending session of the account survives the lock");
    const fresh = new TestClient(app);
    const again = await login(fresh, user.email, user.password);
    assert.equal(again.statusCode, 401);
    assert.equal(again.body, await unknownAnswer(), "answered as the password lockout is");
    assert.equal((await fresh.post("/api/v1/auth/mfa", { code: rightCode })).statusCode, 401);

    await unlockUser(ctx, user.email, null);
    const unlocked = new TestClient(app);
    assert.equal((await login(unlocked, user.email, user.password)).statusCode, 200);
    assert.equal((await unlocked.post("/api/v1/auth/mfa", { code: rightCode })).statusCode, 200);
  });

  it("does not forget failed passwords on the right password alone: 2 wrong passwords, then 3 wrong codes lock", async () => {
    const user = await mfaUser();
    const client = new TestClient(app);
    for (let i = 0; i < 2; i++)
      assert.equal((await login(client, user.email, WRONG_PASSWORD)).statusCode, 401);
    assert.equal((await login(client, user.email, user.password)).json().status, "mfa_required");
    for (let i = 0; i < 3; i++) {
      const res = await client.post("/api/v1/auth/mfa", {
        code: await wrongCode(user.secret, clock.now()),
      });
      assert.equal(res.statusCode, 401);
    }
    assert.notEqual(await lockedAt(user.userId), null, "five failures in all lock the account");
    clock.advance(STEP);
    const fresh = new TestClient(app);
    assert.equal((await login(fresh, user.email, user.password)).statusCode, 401);
  });

  it("forgets the failures after a complete sign-in (password and code)", async () => {
    const user = await mfaUser();
    const client = new TestClient(app);
    for (let i = 0; i < 3; i++) await login(client, user.email, WRONG_PASSWORD);
    await login(client, user.email, user.password);
    await client.post("/api/v1/auth/mfa", { code: await wrongCode(user.secret, clock.now()) });
    const ok = await client.post("/api/v1/auth/mfa", {
      code: await totpAt(user.secret, clock.now()),
    });
    assert.equal(ok.statusCode, 200, "four failures, then a complete sign-in");
    const failures = await t.db.kysely
      .selectFrom("login_failures")
      .select("id")
      .where("user_id", "=", user.userId)
      .execute();
    assert.equal(failures.length, 0);
    const next = new TestClient(app);
    for (let i = 0; i < 4; i++) await login(next, user.email, WRONG_PASSWORD);
    assert.equal(await lockedAt(user.userId), null, "four new failures do not lock");
    clock.advance(STEP);
    assert.equal((await login(next, user.email, user.password)).statusCode, 200);
    const code = await totpAt(user.secret, clock.now());
    assert.equal((await next.post("/api/v1/auth/mfa", { code })).statusCode, 200);
  });

  it("counts wrong codes while confirming MFA enrolment, and only the confirmation clears them", async () => {
    const agency = await buildAgency(t.db, { kind: "cps" });
    const user = await buildUser(ctx, { agencyId: agency.id, role: "cps_investigator" });
    const client = new TestClient(app);
    await login(client, user.email, WRONG_PASSWORD);
    assert.equal(
      (await login(client, user.email, user.password)).json().status,
      "mfa_enrolment_required",
    );
    const { secret } = (await client.post("/api/v1/auth/mfa/enrol")).json();
    for (let i = 0; i < 4; i++) {
      const res = await client.post("/api/v1/auth/mfa/enrol/confirm", {
        code: await wrongCode(secret, clock.now()),
      });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.field, "code");
    }
    assert.notEqual(await lockedAt(user.userId), null, "1 password + 4 enrolment failures lock");
    const lockout = await t.db.kysely
      .selectFrom("audit_log")
      .select("outcome")
      .where("action", "=", "auth.lockout")
      .where("record_id", "=", user.userId)
      .execute();
    assert.equal(lockout.length, 1);
    const confirm = await client.post("/api/v1/auth/mfa/enrol/confirm", {
      code: await totpAt(secret, clock.now()),
    });
    assert.equal(confirm.statusCode, 401, "the right code no longer confirms a locked account");

    await unlockUser(ctx, user.email, null);
    const retry = new TestClient(app);
    await login(retry, user.email, WRONG_PASSWORD);
    await login(retry, user.email, user.password);
    const again = (await retry.post("/api/v1/auth/mfa/enrol")).json();
    await retry.post("/api/v1/auth/mfa/enrol/confirm", {
      code: await wrongCode(again.secret, clock.now()),
    });
    const done = await retry.post("/api/v1/auth/mfa/enrol/confirm", {
      code: await totpAt(again.secret, clock.now()),
    });
    assert.equal(done.statusCode, 200, done.body);
    const left = await t.db.kysely
      .selectFrom("login_failures")
      .select("id")
      .where("user_id", "=", user.userId)
      .execute();
    assert.equal(left.length, 0, "a confirmed enrolment is a complete sign-in");
  });

  it("refuses the right code when the account was locked after the request was authenticated", async () => {
    const user = await mfaUser();
    const client = new TestClient(app);
    await login(client, user.email, user.password);
    const token = (client.cookie as string).split("=")[1] as string;
    const session = await t.db.kysely
      .selectFrom("sessions")
      .selectAll()
      .where("id", "=", sha256(token))
      .executeTakeFirstOrThrow();
    // A parallel attempt's lockout commits between the auth hook and the code check.
    await t.db.kysely
      .updateTable("users")
      .set({ locked_at: clock.now().toISOString() })
      .where("id", "=", user.userId)
      .execute();
    clock.advance(STEP);
    const pending = {
      session,
      token,
      clientIp: null,
      role: "ht_investigator",
      agencyId: user.agencyId,
    };
    await assert.rejects(
      verifyMfa(ctx, pending, { code: await totpAt(user.secret, clock.now()) }),
      (e: { code?: string }) => e.code === "invalid_credentials",
    );
    const live = await t.db.kysely
      .selectFrom("sessions")
      .select("id")
      .where("user_id", "=", user.userId)
      .where("mfa_passed", "=", 1)
      .execute();
    assert.equal(live.length, 0, "no signed-in session for a locked account");
  });
});
