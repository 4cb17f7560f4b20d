import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import type { Role } from "../../src/domain/roles.ts";
import { fixedClock } from "../../src/server/clock.ts";
import type { AppContext } from "../../src/server/context.ts";
import type { AgencyRow } from "../../src/server/db/schema.ts";
import { newId } from "../../src/server/ids.ts";
import { openCase } from "../../src/server/use-cases/intake/open-case.ts";
import { testApp, testContext } from "../support/context.ts";
import { describeOnEachDatabase } from "../support/databases.ts";
import { buildAgency, type Member, signedInAs } from "../support/factories.ts";
import { signedIn, type TestClient } from "../support/http-client.ts";

const HOUR = 3_600_000;
const CANARY_GIVEN = "Zebediah";
const CANARY_FAMILY = "Quillfeather";

describeOnEachDatabase("access policy", (t) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  const clock = fixedClock(new Date("2026-07-01T15:00:00Z"));
  const agencies: Record<string, AgencyRow> = {};
  const clients: Record<string, TestClient> = {};
  let cpsCase: string;
  let vsCase: string;
  let vsVictim: string;
  let vsSuspect: string;

  const users: Record<string, Member> = {};
  const as = async (key: string, agency: string, role: Role, mfa = true) => {
    const user = await signedInAs(ctx, role, { id: (agencies[agency] as AgencyRow).id }, { mfa });
    users[key] = user;
    clients[key] = await user.signIn(app);
    return user;
  };
  /** Time only moves forward here (TOTP codes are single-use); sessions idle out, so sign in again. */
  const later = async (ms: number) => {
    clock.advance(ms);
    for (const [key, user] of Object.entries(users))
      clients[key] = await signedIn(app, user, clock);
  };

  before(async () => {
    ctx = testContext(t.db, clock);
    app = await testApp(ctx);
    for (const kind of [
      "cps",
      "law_enforcement",
      "victim_services",
      "mbi",
      "attorney_general",
      "other",
    ]) {
      agencies[kind] = await buildAgency(t.db, { kind });
    }
    const cps = await as("cps", "cps", "cps_investigator");
    await as("ht", "law_enforcement", "ht_investigator");
    await as("lead", "law_enforcement", "task_force_lead");
    await as("advocate", "victim_services", "victim_advocate");
    await as("coordinator", "mbi", "state_coordinator");
    await as("analyst", "attorney_general", "analyst", false);
    await as("admin", "other", "system_admin");
    const screener = await as("screener", "other", "screener", false);
    // A screener reports a minor's case to CPS; CPS holds it.
    cpsCase = (
      await openCase(
        ctx,
        {
          agencyId: (agencies.cps as AgencyRow).id,
          source: "school",
          persons: [
            {
              part: "victim",
              givenName: CANARY_GIVEN,
              familyName: CANARY_FAMILY,
              ageYears: 15,
              phone: "601-555-0142",
            },
          ],
        },
        screener.actor,
      )
    ).id;
    void cps;
    // A victim-services agency holds an adult's case; the HT investigator is on its team.
    const opened = await openCase(ctx, {
      agencyId: (agencies.victim_services as AgencyRow).id,
      source: "shelter",
      persons: [
        {
          part: "victim",
          givenName: "Alma",
          familyName: "Verity",
          ageYears: 16,
          address: "12 Hidden Lane",
        },
        { part: "suspected_trafficker", givenName: "Rex" },
      ],
    });
    vsCase = opened.id;
    const persons = await t.db.kysely
      .selectFrom("case_persons")
      .select(["person_id", "part"])
      .where("case_id", "=", vsCase)
      .execute();
    vsVictim = persons.find((p) => p.part === "victim")?.person_id as string;
    vsSuspect = persons.find((p) => p.part === "suspected_trafficker")?.person_id as string;
    const htUser = await t.db.kysely
      .selectFrom("memberships")
      .select("user_id")
      .where("agency_id", "=", (agencies.law_enforcement as AgencyRow).id)
      .where("role", "=", "ht_investigator")
      .executeTakeFirstOrThrow();
    await t.db.kysely
      .insertInto("case_team")
      .values({ case_id: vsCase, user_id: htUser.user_id, added_at: clock.now().toISOString() })
      .execute();
  });
  after(async () => {
    await app.close();
  });

  const read = async (who: string, caseId: string) =>
    clients[who]?.get(`/api/v1/cases/${caseId}`) as ReturnType<TestClient["get"]>;

  it("scopes cases: own agency, team, statewide; nothing for analysts and administrators", async () => {
    assert.equal((await read("cps", cpsCase)).statusCode, 200);
    assert.equal((await read("coordinator", cpsCase)).statusCode, 200);
    assert.equal(
      (await read("screener", cpsCase)).statusCode,
      200,
      "a reporter follows their own report",
    );
    for (const who of ["ht", "lead", "advocate", "analyst", "admin"]) {
      assert.equal((await read(who, cpsCase)).statusCode, 404, who);
    }
    assert.equal((await read("ht", vsCase)).statusCode, 200, "on the team");
  });

  it("shows identity only to roles that need it, with the basis, and sends abilities", async () => {
    const cps = (await read("cps", cpsCase)).json();
    assert.equal(cps.persons[0].identity.givenName, CANARY_GIVEN);
    assert.equal(cps.persons[0].disclosureBasis, "own_agency");
    assert.equal(cps.abilities.readIdentity, true);
    const screener = (await read("screener", cpsCase)).json();
    assert.deepEqual(screener.persons[0].identity, {});
    assert.deepEqual(screener.persons[0].withheld.sort(), ["familyName", "givenName", "phone"]);
    assert.equal(screener.abilities.readIdentity, false);
  });

  it("discloses a victim-services record to another agency only under valid consent", async () => {
    const withheld = (await read("ht", vsCase))
      .json()
      .persons.find((p: { id: string }) => p.id === vsVictim);
    assert.deepEqual(withheld.identity, {});
    assert.equal(withheld.disclosureBasis, "none");

    const consent = await clients.advocate?.post(`/api/v1/persons/${vsVictim}/consents`, {
      recipientAgencyId: agencies.law_enforcement?.id,
      givenByPersonId: vsVictim,
      categories: ["identity"],
      purpose: "Investigation of the trafficker",
      form: "signed_form",
      expiresAt: new Date(clock.now().getTime() + 24 * HOUR).toISOString(),
    });
    const shortLived = await clients.advocate?.post(`/api/v1/persons/${vsVictim}/consents`, {
      recipientAgencyId: agencies.law_enforcement?.id,
      givenByPersonId: vsVictim,
      categories: ["contact_and_location"],
      purpose: "Safety planning for the next hour",
      form: "attested",
      expiresAt: new Date(clock.now().getTime() + HOUR).toISOString(),
    });
    assert.equal(shortLived?.statusCode, 201, shortLived?.body);
    assert.equal(consent?.statusCode, 201, consent?.body);
    const victim = async () =>
      (await read("ht", vsCase)).json().persons.find((p: { id: string }) => p.id === vsVictim);
    const shared = await victim();
    assert.deepEqual(shared.identity, {
      givenName: "Alma",
      familyName: "Verity",
      address: "12 Hidden Lane",
    });
    assert.equal(shared.disclosureBasis, "consent");

    await later(2 * HOUR);
    const expired = await victim();
    assert.deepEqual(
      expired.identity,
      { givenName: "Alma", familyName: "Verity" },
      "the expired consent no longer discloses",
    );
    assert.deepEqual(expired.withheld, ["address"]);

    const revoke = await clients.advocate?.post(`/api/v1/consents/${consent?.json().id}/revoke`);
    assert.equal(revoke?.statusCode, 204);
    const revoked = (await read("ht", vsCase))
      .json()
      .persons.find((p: { id: string }) => p.id === vsVictim);
    assert.deepEqual(revoked.identity, {}, "revoked consent stops disclosure at once");
  });

  it("never lets a suspected trafficker consent for a minor", async () => {
    const res = await clients.advocate?.post(`/api/v1/persons/${vsVictim}/consents`, {
      recipientAgencyId: agencies.law_enforcement?.id,
      givenByPersonId: vsSuspect,
      categories: ["identity"],
      purpose: "Anything at all",
      form: "attested",
      expiresAt: new Date(clock.now().getTime() + HOUR).toISOString(),
    });
    assert.equal(res?.statusCode, 422);
    assert.equal(res?.json().error.code, "consent_giver_not_allowed");
  });

  it("lets CPS see a minor victim's identity held by victim services, recorded as a statutory report", async () => {
    await t.db.kysely
      .insertInto("break_glass")
      .values({
        id: newId(),
        user_id: (await userIdOf("cps")) as string,
        case_id: vsCase,
        reason: "test scope",
        opened_at: clock.now().toISOString(),
        expires_at: new Date(clock.now().getTime() + HOUR).toISOString(),
      })
      .execute();
    const view = (await read("cps", vsCase))
      .json()
      .persons.find((p: { id: string }) => p.id === vsVictim);
    assert.equal(view.disclosureBasis, "statutory_report");
    assert.equal(view.identity.givenName, "Alma");
  });

  it("opens an out-of-scope case by break-glass: reason required, notified, time-limited", async () => {
    assert.equal((await read("lead", cpsCase)).statusCode, 404);
    const short = await clients.lead?.post(`/api/v1/cases/${cpsCase}/break-glass`, {
      reason: "urgent",
    });
    assert.equal(short?.statusCode, 400);
    assert.equal(short?.json().error.field, "reason");
    const ok = await clients.lead?.post(`/api/v1/cases/${cpsCase}/break-glass`, {
      reason: "Child reported missing tonight; need the case now",
    });
    assert.equal(ok?.statusCode, 200, ok?.body);
    assert.equal((await read("lead", cpsCase)).statusCode, 200);
    const notices = await t.db.kysely
      .selectFrom("notifications")
      .selectAll()
      .where("agency_id", "=", agencies.cps?.id as string)
      .execute();
    assert.equal(notices.length, 1);
    assert.equal(notices[0]?.kind, "break_glass_opened");
    await later(4 * HOUR + 1);
    assert.equal((await read("lead", cpsCase)).statusCode, 404, "access ends after four hours");
    const screener = await clients.screener?.post(`/api/v1/cases/${vsCase}/break-glass`, {
      reason: "Child reported missing tonight; need the case now",
    });
    assert.equal(screener?.statusCode, 403);
  });

  it("answers an out-of-scope id exactly like a nonexistent one (IDOR)", async () => {
    const outOfScope = await read("ht", cpsCase);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uuid(),
          fc.constantFrom("", " ", "%", "'; drop table cases; --", "x".repeat(500)),
          fc
            .string({ minLength: 1, maxLength: 60 })
            // Dot segments are path navigation, not ids: every HTTP client resolves them away.
            .filter((s) => !/[/?#]/.test(s) && s !== "." && s !== ".."),
        ),
        async (id) => {
          const missing = await clients.ht?.get(`/api/v1/cases/${encodeURIComponent(id)}`);
          assert.equal(missing?.statusCode, outOfScope.statusCode);
          assert.equal(missing?.body, outOfScope.body);
        },
      ),
      { numRuns: 50 },
    );
  });

  it("audits every read with field names only, never identity values", async () => {
    const before = await t.db.kysely
      .selectFrom("audit_log")
      .select((eb) => eb.fn.coalesce(eb.fn.max("seq"), eb.lit(0)).as("seq"))
      .executeTakeFirstOrThrow();
    await read("cps", cpsCase);
    const rows = await t.db.kysely
      .selectFrom("audit_log")
      .selectAll()
      .where("seq", ">", before.seq)
      .orderBy("seq")
      .execute();
    assert.deepEqual(
      rows.map((r) => [r.action, r.outcome]),
      [["case.read", "allowed"]],
    );
    const fields = (JSON.parse(rows[0]?.fields ?? "[]") as string[])
      .map((f) => f.split(".").pop())
      .sort();
    assert.deepEqual(fields, ["familyName", "givenName", "phone"]);
    await read("ht", cpsCase);
    const denied = await t.db.kysely
      .selectFrom("audit_log")
      .select(["action", "outcome"])
      .orderBy("seq", "desc")
      .limit(1)
      .executeTakeFirstOrThrow();
    assert.deepEqual(denied, { action: "case.read", outcome: "denied" });
    const all = JSON.stringify(await t.db.kysely.selectFrom("audit_log").selectAll().execute());
    for (const canary of [CANARY_GIVEN, CANARY_FAMILY, "601-555-0142", "Hidden Lane", "Verity"]) {
      assert.ok(!all.includes(canary), `${canary} leaked into the audit trail`);
    }
  });

  it("never writes identity values to the logs, even at trace level", async () => {
    const lines: string[] = [];
    const traced = await testApp(ctx, {
      config: { logLevel: "trace", env: "test" },
      logStream: { write: (line: string) => lines.push(line) },
    });
    try {
      clock.advance(61_000); // a fresh TOTP step: the last code was already used
      const client = await signedIn(traced, users.cps as Member, clock);
      const res = await client.get(`/api/v1/cases/${cpsCase}?q=${CANARY_GIVEN}`);
      assert.equal(res.statusCode, 200);
      assert.ok(res.body.includes(CANARY_GIVEN), "the canary was really served");
      const log = lines.join("");
      assert.ok(log.length > 0);
      for (const canary of [
        CANARY_GIVEN,
        CANARY_FAMILY,
        "601-555-0142",
        (users.cps as { password: string }).password,
      ]) {
        assert.ok(!log.includes(canary), `${canary} reached the log`);
      }
    } finally {
      await traced.close();
    }
  });

  it("lets administrators read the audit trail (agency or all) and nobody else", async () => {
    assert.equal((await clients.admin?.get("/api/v1/audit?limit=5"))?.statusCode, 200);
    assert.equal((await clients.cps?.get("/api/v1/audit"))?.statusCode, 403);
  });

  async function userIdOf(who: string) {
    return (await clients[who]?.get("/api/v1/me"))?.json().userId as string | undefined;
  }
});
