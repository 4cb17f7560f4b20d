import assert from "node:assert/strict";
import { before, it } from "node:test";
import type { Actor } from "../../src/server/access/actor.ts";
import { createSession, SESSION_COOKIE } from "../../src/server/auth/sessions.ts";
import { fixedClock } from "../../src/server/clock.ts";
import type { AppContext } from "../../src/server/context.ts";
import type { Db } from "../../src/server/db/database.ts";
import { bulkLoadCases } from "../../src/server/demo/bulk-load.ts";
import { seedDemo } from "../../src/server/demo/seed-demo.ts";
import { openIdentity } from "../../src/server/repositories/person-identity.ts";
import { openJson, openOptional } from "../../src/server/repositories/sealed-text.ts";
import { authenticate } from "../../src/server/use-cases/auth/authenticate.ts";
import { listCaseObligations } from "../../src/server/use-cases/case-file/list-case-obligations.ts";
import { listCaseTimeline } from "../../src/server/use-cases/case-file/list-case-timeline.ts";
import { listCases } from "../../src/server/use-cases/case-file/list-cases.ts";
import { readCase } from "../../src/server/use-cases/case-file/read-case.ts";
import { sealNow, verifyNow } from "../support/audit-sealing.ts";
import { TEST_KEYRING, testContext } from "../support/context.ts";
import { createTestDatabase, describeOnEachDatabase } from "../support/databases.ts";
import { buildCase } from "../support/factories.ts";

const CASES = 200;
const clock = fixedClock(new Date("2026-10-05T16:00:00Z"));

async function seededAndLoaded(db: Db, seed: number) {
  await seedDemo(db, clock, { cases: 0, production: false, keyring: TEST_KEYRING });
  return bulkLoadCases(db, TEST_KEYRING, clock, { cases: CASES, seed });
}

/** What a load decided, without ids of the seed's agencies or users (they differ per database). */
async function projection(db: Db) {
  const cases = await db.kysely
    .selectFrom("cases")
    .innerJoin("agencies", "agencies.id", "cases.agency_id")
    .select([
      "cases.id",
      "cases.case_number",
      "agencies.name as agency",
      "cases.county_fips",
      "cases.status",
      "cases.received_at",
      "cases.determination",
      "cases.closed_at",
      "cases.outcome",
    ])
    .orderBy("cases.id")
    .execute();
  const persons = await db.kysely
    .selectFrom("persons")
    .select(["id", "given_name", "family_name", "birth_date", "phone", "address", "age_years"])
    .orderBy("id")
    .execute();
  const names = persons.map((p) => ({
    ...openIdentity(TEST_KEYRING, p, ["givenName", "familyName"]),
    age: p.age_years,
  }));
  const obligations = await db.kysely
    .selectFrom("obligations")
    .select(["id", "case_id", "action_id", "status", "due_at", "closed_at"])
    .orderBy("id")
    .execute();
  return { cases, names, obligations };
}

/** The seeded account of `role`, as a request from its session would act. */
async function seededActor(ctx: AppContext, role: string): Promise<Actor> {
  const m = await ctx.db.kysely
    .selectFrom("memberships")
    .select(["id", "user_id"])
    .where("role", "=", role)
    .orderBy("created_at")
    .executeTakeFirstOrThrow();
  const session = await createSession(ctx.db.kysely, ctx.clock, {
    userId: m.user_id,
    membershipId: m.id,
    mfaPassed: true,
    clientIp: null,
  });
  const { actor } = await authenticate(ctx, { cookie: `${SESSION_COOKIE}=${session.token}` }, null);
  assert.ok(actor);
  return actor;
}

describeOnEachDatabase("the bulk loader", (t) => {
  let ctx: AppContext;

  before(async () => {
    ctx = testContext(t.db, clock);
    const result = await seededAndLoaded(t.db, 5);
    assert.equal(result.cases, CASES);
  });

  it("writes the cases asked for, each with its people, team, assessment and obligations", async () => {
    const count = async (table: "cases" | "persons" | "case_persons" | "assessments") =>
      Number(
        (
          await t.db.kysely
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    assert.equal(await count("cases"), CASES);
    assert.equal(await count("persons"), 2 * CASES);
    assert.equal(await count("case_persons"), 2 * CASES);
    assert.equal(await count("assessments"), CASES);
    const assessments = await t.db.kysely.selectFrom("assessments").selectAll().execute();
    const obligations = await t.db.kysely.selectFrom("obligations").selectAll().execute();
    for (const a of assessments) {
      const actions = (JSON.parse(a.result) as { actions: string[] }).actions;
      const mine = obligations.filter((o) => o.case_id === a.case_id);
      assert.deepEqual(mine.map((o) => o.action_id).sort(), [...actions].sort());
      assert.ok(openJson(TEST_KEYRING, "assessments", "facts", a.id, a.facts));
    }
    const statuses = new Set(obligations.map((o) => o.status));
    assert.deepEqual([...statuses].sort(), ["done", "not_applicable", "open"]);
    for (const o of obligations) {
      if (o.evidence)
        assert.ok(openJson(TEST_KEYRING, "obligations", "evidence", o.id, o.evidence));
      if (o.reason) assert.ok(openOptional(TEST_KEYRING, "obligations", "reason", o.id, o.reason));
    }
    const cases = await t.db.kysely.selectFrom("cases").select(["id", "status"]).execute();
    assert.ok(cases.some((c) => c.status === "closed") && cases.some((c) => c.status === "open"));
    const team = await t.db.kysely.selectFrom("case_team").select("case_id").execute();
    assert.deepEqual(new Set(team.map((r) => r.case_id)), new Set(cases.map((c) => c.id)));
  });

  it("keeps each case's urgency and assigned worker as intake would, and gives victims a birth date", async () => {
    const cases = await t.db.kysely
      .selectFrom("cases")
      .select(["id", "agency_id", "next_due_at", "assigned_user_id"])
      .execute();
    const open = await t.db.kysely
      .selectFrom("obligations")
      .select(["case_id", "due_at"])
      .where("status", "=", "open")
      .execute();
    for (const c of cases) {
      const due = open
        .filter((o) => o.case_id === c.id && o.due_at !== null)
        .map((o) => o.due_at as string)
        .sort();
      assert.equal(c.next_due_at, due[0] ?? null, "next_due_at is the earliest open due time");
    }
    const workers = await t.db.kysely
      .selectFrom("memberships")
      .select(["user_id", "agency_id"])
      .execute();
    const assigned = cases.filter((c) => c.assigned_user_id !== null);
    assert.ok(assigned.length > CASES / 2, "most cases have a worker");
    for (const c of assigned)
      assert.ok(
        workers.some((w) => w.user_id === c.assigned_user_id && w.agency_id === c.agency_id),
      );
    const indexed = await t.db.kysely
      .selectFrom("persons")
      .innerJoin("case_persons", "case_persons.person_id", "persons.id")
      .select(["persons.name_dob_index"])
      .where("case_persons.part", "=", "victim")
      .execute();
    assert.ok(
      indexed.every((p) => p.name_dob_index !== null),
      "victims are findable by name and birth date",
    );
  });

  it("seals every identity field for its own row, so each decrypts there", async () => {
    const persons = await t.db.kysely.selectFrom("persons").selectAll().execute();
    const ciphertexts = new Set<string>();
    for (const p of persons) {
      const identity = openIdentity(TEST_KEYRING, p, ["givenName", "familyName"]);
      assert.ok(identity.givenName && identity.familyName);
      assert.ok(p.given_name);
      ciphertexts.add(p.given_name);
      if (p.gender) assert.ok(openOptional(TEST_KEYRING, "persons", "gender", p.id, p.gender));
    }
    assert.equal(ciphertexts.size, persons.length, "no ciphertext is shared between rows");
  });

  it("gives cases the app reads like any other: the case, its list, obligations and timeline", async () => {
    const actor = await seededActor(ctx, "cps_investigator");
    const held = await t.db.kysely
      .selectFrom("cases")
      .select("id")
      .where("agency_id", "=", actor.agencyId)
      .orderBy("id", "desc")
      .execute();
    assert.ok(held.length > 0);
    const caseId = held[0]?.id as string;
    const read = await readCase(ctx, actor, caseId);
    assert.equal(read.id, caseId);
    const victim = read.persons.find((p) => p.part === "victim");
    assert.ok(victim?.identity.givenName, "the holding agency's investigator sees the name");
    const listed = await listCases(ctx, actor, { limit: 200 });
    assert.deepEqual(listed.cases.map((c) => c.id).sort(), held.map((c) => c.id).sort());
    const obligations = await listCaseObligations(ctx, actor, caseId);
    assert.ok(obligations.length > 0);
    const timeline = await listCaseTimeline(ctx, actor, caseId);
    assert.equal(timeline[0]?.kind, "case_opened");
  });

  it("keeps the audit chain whole, one row per transaction, and case numbers unique after it", async () => {
    const rows = await t.db.kysely
      .selectFrom("audit_log")
      .select(["detail"])
      .where("action", "=", "demo.bulk_load")
      .execute();
    assert.deepEqual(
      rows.map((r) => JSON.parse(r.detail).cases),
      [CASES],
    );
    const next = await buildCase(t.db, { receivedAt: "2026-10-05T15:00:00Z" });
    assert.ok(next.caseNumber);
    await sealNow(t.db);
    const verdict = await verifyNow(t.db.kysely);
    assert.equal(verdict.ok, true, JSON.stringify(verdict));
  });

  it("makes the same cases for the same seed and clock, and others for another seed", async () => {
    const again = await createTestDatabase(t.dialect);
    const other = await createTestDatabase(t.dialect);
    try {
      await seededAndLoaded(again.db, 5);
      await seededAndLoaded(other.db, 6);
      const mine = await projection(t.db);
      const withoutLater = { ...mine, cases: mine.cases.slice(0, CASES) };
      assert.deepEqual(await projection(again.db), {
        ...withoutLater,
        names: mine.names.slice(0, 2 * CASES),
      });
      assert.notDeepEqual((await projection(other.db)).cases, withoutLater.cases);
    } finally {
      await again.dispose();
      await other.dispose();
    }
  });
});
