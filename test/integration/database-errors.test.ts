import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { fixedClock } from "../../src/server/clock.ts";
import type { AppContext } from "../../src/server/context.ts";
import { newId } from "../../src/server/ids.ts";
import { testApp, testContext } from "../support/context.ts";
import { describeOnEachDatabase } from "../support/databases.ts";
import { buildAgency, buildUser } from "../support/factories.ts";
import { signedIn } from "../support/http-client.ts";

/**
 * The database's own refusals (a unique key, a foreign key, a NOT NULL) reach the one error
 * handler as the caller's conflict or as a bare 500, and the log keeps the error code and the
 * constraint's name, never the values PostgreSQL puts in its message and detail.
 */
describeOnEachDatabase("database errors: answered by status, logged without values", (t) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  const lines: string[] = [];
  const clock = fixedClock(new Date("2026-09-01T15:00:00Z"));
  const CANARY = "Canary Value 7Q4X";

  before(async () => {
    ctx = testContext(t.db, clock);
    app = await testApp(ctx, {
      config: { logLevel: "info", env: "test" },
      logStream: { write: (line: string) => lines.push(line) },
    });
    // Routes that run one statement the database refuses, as a use case might after a race.
    const agency = (await buildAgency(t.db)).id;
    const violations: Record<string, () => Promise<unknown>> = {
      unique: () =>
        t.db.kysely
          .insertInto("agencies")
          .values({ id: agency, name: CANARY, kind: "cps", county_fips: null, created_at: CANARY })
          .execute(),
      "foreign-key": () =>
        t.db.kysely
          .insertInto("task_forces")
          .values({ id: newId(), name: CANARY, agency_id: CANARY, created_at: CANARY })
          .execute(),
      "not-null": () =>
        sql`insert into agencies (id, name, kind, created_at) values (${CANARY}, null, 'cps', ${CANARY})`.execute(
          t.db.kysely,
        ),
    };
    for (const [name, run] of Object.entries(violations))
      app.post(`/test/violation/${name}`, async () => run());
    await app.ready();
  });
  after(async () => {
    await app.close();
  });

  const logged = () => lines.join("");

  it("answers a unique violation 409 conflict and a foreign-key violation 422 unknown_reference", async () => {
    const unique = await app.inject({ method: "POST", url: "/test/violation/unique" });
    assert.equal(unique.statusCode, 409);
    assert.equal(unique.json().error.code, "conflict");
    const fk = await app.inject({ method: "POST", url: "/test/violation/foreign-key" });
    assert.equal(fk.statusCode, 422);
    assert.equal(fk.json().error.code, "unknown_reference");
    const other = await app.inject({ method: "POST", url: "/test/violation/not-null" });
    assert.equal(other.statusCode, 500);
    assert.deepEqual(other.json().error.code, "internal_error");
    for (const res of [unique, fk, other]) assert.ok(!res.body.includes(CANARY));
    // The log says what failed (code, constraint) without the values of the row.
    assert.match(logged(), /"dbCode":"(23505|SQLITE_CONSTRAINT_PRIMARYKEY)"/);
    assert.match(logged(), /"dbCode":"(23503|SQLITE_CONSTRAINT_FOREIGNKEY)"/);
    assert.match(logged(), /"dbCode":"(23502|SQLITE_CONSTRAINT_NOTNULL)"/);
    assert.ok(!logged().includes(CANARY), "a value of the refused row reached the log");
    assert.ok(!/Key \(|Failing row/.test(logged()), "a database detail reached the log");
  });

  it("creates one account of six made at once with the same e-mail; the rest 409, no e-mail logged", async () => {
    const home = (await buildAgency(t.db, { kind: "other" })).id;
    const admin = await buildUser(ctx, { agencyId: home, role: "system_admin", mfa: true });
    const client = await signedIn(app, admin, clock);
    const target = (await buildAgency(t.db, { kind: "shelter" })).id;
    for (let round = 0; round < 3; round++) {
      const email = `race.${round}.${newId().slice(-8)}@test.waypoint.invalid`;
      lines.length = 0;
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          client.post("/api/v1/users", {
            email,
            displayName: `Race ${i}`,
            password: "correct horse battery staple 42",
            agencyId: target,
            role: "shelter_staff",
          }),
        ),
      );
      const statuses = answers.map((a) => a.statusCode).sort();
      assert.deepEqual(statuses, [201, 409, 409, 409, 409, 409], answers.map((a) => a.body).join());
      for (const a of answers.filter((r) => r.statusCode === 409))
        assert.equal(a.json().error.code, "conflict");
      assert.ok(lines.length > 0, "the requests were logged");
      assert.ok(!logged().toLowerCase().includes(email), "the e-mail reached the log");
      assert.ok(!logged().includes("already exists"), "a database detail reached the log");
    }
  });
});
