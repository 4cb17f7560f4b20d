import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { fixedClock } from "../../src/server/clock.ts";
import type { AppContext } from "../../src/server/context.ts";
import { testApp, testContext } from "../support/context.ts";
import { describeOnEachDatabase } from "../support/databases.ts";
import { buildAgency, buildUser, TEST_PASSWORD } from "../support/factories.ts";
import { signedIn, type TestClient } from "../support/http-client.ts";

describeOnEachDatabase("account administration", (t) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  const clock = fixedClock(new Date("2026-10-05T16:00:00Z"));
  let admin: TestClient;
  let root: TestClient;
  let screener: TestClient;
  let ownAgency: string;
  let otherAgency: string;
  let colleague: string;
  let stranger: string;

  before(async () => {
    ctx = testContext(t.db, clock);
    app = await testApp(ctx);
    ownAgency = (await buildAgency(t.db, { kind: "cps" })).id;
    otherAgency = (await buildAgency(t.db, { kind: "medical" })).id;
    admin = await signedIn(
      app,
      await buildUser(ctx, { agencyId: ownAgency, role: "agency_admin", mfa: true }),
      clock,
    );
    root = await signedIn(
      app,
      await buildUser(ctx, { agencyId: otherAgency, role: "system_admin", mfa: true }),
      clock,
    );
    screener = await signedIn(
      app,
      await buildUser(ctx, { agencyId: otherAgency, role: "screener" }),
      clock,
    );
    colleague = (await buildUser(ctx, { agencyId: ownAgency, role: "cps_investigator" })).userId;
    stranger = (await buildUser(ctx, { agencyId: otherAgency, role: "medical" })).userId;
  });
  after(async () => {
    await app.close();
  });

  it("an agency admin lists and creates accounts in their own agency only", async () => {
    const listed = (await admin.get("/api/v1/users")).json().users as { agencyId: string }[];
    assert.ok(listed.length >= 2);
    assert.ok(listed.every((u) => u.agencyId === ownAgency));
    const body = (agencyId: string, password = TEST_PASSWORD) => ({
      email: `new.${agencyId.slice(-6)}.${password.length}@test.waypoint.invalid`,
      displayName: "New Person",
      password,
      agencyId,
      role: "cps_investigator",
    });
    assert.equal((await admin.post("/api/v1/users", body(ownAgency))).statusCode, 201);
    assert.equal((await admin.post("/api/v1/users", body(otherAgency))).statusCode, 403);
    const weak = await admin.post("/api/v1/users", body(ownAgency, "password1234"));
    assert.equal(weak.statusCode, 400);
    assert.equal(weak.json().error.field, "password");
    assert.equal((await screener.get("/api/v1/users")).statusCode, 403);
  });

  it("unlocks and disables only the accounts they administer", async () => {
    assert.equal((await admin.post(`/api/v1/users/${stranger}/disable`)).statusCode, 404);
    assert.equal((await admin.post(`/api/v1/users/${colleague}/unlock`)).statusCode, 204);
    assert.equal((await admin.post(`/api/v1/users/${colleague}/disable`)).statusCode, 204);
    const row = await t.db.kysely
      .selectFrom("users")
      .select("status")
      .where("id", "=", colleague)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, "disabled");
  });

  it("only system administrators add agencies; everyone signed in reads the directory", async () => {
    const body = { name: "Delta Survivor Center", kind: "victim_services", countyFips: "28151" };
    assert.equal((await admin.post("/api/v1/agencies", body)).statusCode, 403);
    const made = await root.post("/api/v1/agencies", body);
    assert.equal(made.statusCode, 201, made.body);
    const bad = await root.post("/api/v1/agencies", { ...body, countyFips: "99999" });
    assert.equal(bad.json().error.field, "countyFips");
    const names = (await screener.get("/api/v1/agencies"))
      .json()
      .agencies.map((a: { name: string }) => a.name);
    assert.ok(names.includes("Delta Survivor Center"));
  });
});
