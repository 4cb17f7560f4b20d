import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fixedClock } from "../../src/server/clock.ts";
import { migrateToLatest, pendingMigrations } from "../../src/server/db/database.ts";
import { CASE_NUMBER_PATTERN } from "../../src/server/repositories/intake/case-numbers.ts";
import { openCase } from "../../src/server/use-cases/intake/open-case.ts";
import { findCaseById, storedCaseEvents } from "../support/case-rows.ts";
import { testContext } from "../support/context.ts";
import { createTestDatabase, describeOnEachDatabase } from "../support/databases.ts";
import { buildAgency, buildCase } from "../support/factories.ts";

describeOnEachDatabase("storage contract", (t) => {
  it("applies every migration, and applying again changes nothing", async () => {
    assert.deepEqual(await pendingMigrations(t.db), []);
    assert.deepEqual(await migrateToLatest(t.db), []);
  });

  it("carries the 82 counties as reference data", async () => {
    const rows = await t.db.kysely.selectFrom("counties").select("fips").execute();
    assert.equal(rows.length, 82);
  });

  it("opens a case with its people and a first timeline event, in one transaction", async () => {
    const agency = await buildAgency(t.db);
    const opened = await openCase(testContext(t.db, fixedClock(new Date("2026-05-04T12:00:00Z"))), {
      agencyId: agency.id,
      source: "school",
      countyFips: "28049",
      venue: "online",
      receivedAt: "2026-05-04T06:30:00-05:00",
      persons: [
        { part: "victim", givenName: "Canary", familyName: "Testperson", ageYears: 15 },
        { part: "suspected_trafficker" },
      ],
    });
    assert.match(opened.caseNumber, CASE_NUMBER_PATTERN);
    assert.ok(opened.caseNumber.startsWith("MS-2026-"));
    const row = await findCaseById(t.db.kysely, opened.id);
    assert.equal(row?.status, "open");
    assert.equal(row?.received_at, "2026-05-04T11:30:00.000Z");
    assert.equal(row?.version, 1);
    const links = await t.db.kysely
      .selectFrom("case_persons")
      .select(["part"])
      .where("case_id", "=", opened.id)
      .orderBy("part")
      .execute();
    assert.deepEqual(
      links.map((l) => l.part),
      ["suspected_trafficker", "victim"],
    );
    // Storage, not access: every event (the reader's filter is tested with the timeline).
    const events = await storedCaseEvents(t.db.kysely, opened.id);
    assert.equal(events.length, 1);
    assert.equal(events[0]?.kind, "case_opened");
    assert.deepEqual(events[0]?.data, { source: "school", persons: 2 });
  });

  it("leaves nothing behind when an intake fails half-way", async () => {
    const before = await t.db.kysely.selectFrom("cases").select("id").execute();
    // The agency does not exist: the foreign key fails after the counter and case inserts.
    await assert.rejects(buildCase(t.db, { agencyId: "00000000-0000-7000-8000-000000000000" }));
    const afterRows = await t.db.kysely.selectFrom("cases").select("id").execute();
    assert.equal(afterRows.length, before.length);
  });

  it("rejects bad input naming the field, before touching the database", async () => {
    const agency = await buildAgency(t.db);
    await assert.rejects(
      buildCase(t.db, { agencyId: agency.id, countyFips: "99999" }),
      (e: Error & { issues?: { path: string[] }[] }) => e.issues?.[0]?.path[0] === "countyFips",
    );
  });

  it("numbers cases consecutively within a year and restarts the sequence in a new year", async () => {
    const agency = await buildAgency(t.db);
    const a = await buildCase(t.db, { agencyId: agency.id, receivedAt: "2031-06-01T12:00:00Z" });
    const b = await buildCase(t.db, { agencyId: agency.id, receivedAt: "2031-06-02T12:00:00Z" });
    const c = await buildCase(t.db, { agencyId: agency.id, receivedAt: "2032-01-02T12:00:00Z" });
    assert.equal(a.caseNumber, "MS-2031-000001");
    assert.equal(b.caseNumber, "MS-2031-000002");
    assert.equal(c.caseNumber, "MS-2032-000001");
  });

  it("never gives two concurrent intakes in one process the same case number", async () => {
    const agency = await buildAgency(t.db);
    const opened = await Promise.all(
      Array.from({ length: 40 }, () =>
        buildCase(t.db, { agencyId: agency.id, receivedAt: "2033-02-02T12:00:00Z" }),
      ),
    );
    const numbers = opened.map((o) => o.caseNumber);
    assert.equal(new Set(numbers).size, 40);
  });
});

describe("migrations beside other schemas", () => {
  it("migrates a PostgreSQL schema while another schema already has Kysely's tables", async () => {
    const first = await createTestDatabase("postgres");
    try {
      const second = await createTestDatabase("postgres");
      try {
        assert.deepEqual(await pendingMigrations(second.db), []);
      } finally {
        await second.dispose();
      }
    } finally {
      await first.dispose();
    }
  });
});
