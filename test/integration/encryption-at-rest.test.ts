import assert from "node:assert/strict";
import { it } from "node:test";
import { fixedClock } from "../../src/server/clock.ts";
import { openIdentity } from "../../src/server/repositories/person-identity.ts";
import { DecryptionError } from "../../src/server/security/keyring.ts";
import { openCase } from "../../src/server/use-cases/intake/open-case.ts";
import { TEST_KEYRING, testContext } from "../support/context.ts";
import { describeOnEachDatabase } from "../support/databases.ts";
import { buildAgency } from "../support/factories.ts";
import { storedText } from "../support/stored-text.ts";

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
    const haystack = await storedText(t);
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
