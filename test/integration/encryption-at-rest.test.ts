import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { it } from "node:test";
import { sql } from "kysely";
import { fixedClock } from "../../src/server/clock.ts";
import { openIdentity } from "../../src/server/repositories/person-identity.ts";
import { DecryptionError } from "../../src/server/security/keyring.ts";
import { openCase } from "../../src/server/use-cases/open-case.ts";
import { TEST_KEYRING, testContext } from "../support/context.ts";
import { describeOnEachDatabase, TEST_DATABASE_URL } from "../support/databases.ts";
import { buildAgency } from "../support/factories.ts";

const CANARIES = [
  "Ophelianna",
  "Brightwater-Kolb",
  "2010-04-17",
  "662-555-0199",
  "77 Magnolia Bend Road",
];

describeOnEachDatabase("encryption at rest", (t) => {
  it("keeps canary identity values out of the database files and dumps", async () => {
    const agency = await buildAgency(t.db, { kind: "victim_services" });
    const ctx = testContext(t.db, fixedClock(new Date("2026-08-01T12:00:00Z")));
    await openCase(ctx, {
      agencyId: agency.id,
      source: "shelter",
      persons: [
        {
          part: "victim",
          givenName: CANARIES[0],
          familyName: CANARIES[1],
          birthDate: CANARIES[2],
          phone: CANARIES[3],
          address: CANARIES[4],
        },
      ],
    });
    let haystack: string;
    if (t.target.kind === "sqlite") {
      const path = t.target.path;
      haystack = [path, `${path}-wal`]
        .filter((p) => existsSync(p))
        .map((p) => readFileSync(p).toString("latin1"))
        .join("");
      assert.ok(haystack.length > 0);
    } else {
      const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(t.db.kysely))
        .rows[0]?.s as string;
      haystack = execFileSync("pg_dump", ["--data-only", `--schema=${schema}`, TEST_DATABASE_URL], {
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      });
      assert.match(haystack, /COPY/);
    }
    for (const canary of CANARIES)
      assert.ok(!haystack.includes(canary), `${canary} is stored in plain text`);
  });

  it("finds a person by name and birth date, or by phone, through the blind indexes", async () => {
    const agency = await buildAgency(t.db, { kind: "cps" });
    await openCase(testContext(t.db), {
      agencyId: agency.id,
      source: "cps_hotline",
      persons: [
        {
          part: "victim",
          givenName: "Marisol",
          familyName: "Deane",
          birthDate: "2011-02-03",
          phone: "(601) 555-0123",
        },
      ],
    });
    const { nameDobIndex, phoneIndex } = await import(
      "../../src/server/repositories/person-identity.ts"
    );
    const byName = await t.db.kysely
      .selectFrom("persons")
      .select("id")
      .where("name_dob_index", "=", nameDobIndex(TEST_KEYRING, "  MARISOL ", "deane", "2011-02-03"))
      .execute();
    assert.equal(byName.length, 1);
    const byPhone = await t.db.kysely
      .selectFrom("persons")
      .select("id")
      .where("phone_index", "=", phoneIndex(TEST_KEYRING, "+1 601 555 0123"))
      .execute();
    assert.equal(byPhone.length, 1);
  });

  it("raises an error, never garbage, when a stored ciphertext is tampered with", async () => {
    const row = await t.db.kysely
      .selectFrom("persons")
      .selectAll()
      .where("given_name", "is not", null)
      .limit(1)
      .executeTakeFirstOrThrow();
    const tampered = `${(row.given_name as string).slice(0, -2)}${(row.given_name as string).endsWith("A") ? "B" : "A"}A`;
    assert.throws(
      () => openIdentity(TEST_KEYRING, { ...row, given_name: tampered }, ["givenName"]),
      DecryptionError,
    );
  });
});
