import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { fixedClock } from "../../src/server/clock.ts";
import { migrateToLatest, migratorFor } from "../../src/server/db/database.ts";
import { MIGRATIONS } from "../../src/server/db/migrations/index.ts";
import { Keyring, readKeyFile, writeKeyFile } from "../../src/server/security/keyring.ts";
import { rotateKeys } from "../../src/server/use-cases/operations/rotate-keys.ts";
import { verifyNow } from "../support/audit-sealing.ts";
import { TEST_KEY_FILE, TEST_KEYRING } from "../support/context.ts";
import { describeOnEachDatabase } from "../support/databases.ts";
import {
  expectedReadBack,
  FREE_TEXT,
  SEALED_FREE_TEXT,
  writeFreeTextCanaries,
} from "../support/free-text-canaries.ts";
import { storedText } from "../support/stored-text.ts";

describeOnEachDatabase("encryption at rest of free text", (t) => {
  let app: FastifyInstance | undefined;
  after(async () => app?.close());

  it("keeps every free-text canary out of the stored data, and readers still see it", async () => {
    const written = await writeFreeTextCanaries(t, fixedClock(new Date("2026-10-05T16:00:00Z")));
    app = written.app;
    const haystack = await storedText(t);
    const plain = Object.entries(FREE_TEXT)
      .filter(([, canary]) => haystack.includes(canary))
      .map(([column]) => column);
    assert.deepEqual(plain, [], `stored in plain text: ${plain.join(", ")}`);
    assert.deepEqual(await written.readBack(), expectedReadBack());

    // `keys rotate` re-encrypts every sealed free-text column: none is left under the old key.
    const path = join(mkdtempSync(join(tmpdir(), "waypoint-keys-")), "k.json");
    writeKeyFile(path, TEST_KEY_FILE);
    await rotateKeys(t.db, path);
    const rotated = new Keyring(readKeyFile(path));
    const stale: string[] = [];
    for (const [table, columns] of Object.entries(SEALED_FREE_TEXT)) {
      const rows = (await t.db.kysely
        .selectFrom(table as "consents")
        .select(["id", ...columns] as never)
        .execute()) as unknown as Record<string, string | null>[];
      assert.ok(rows.length > 0, `${table} has rows`);
      for (const row of rows)
        for (const column of columns) {
          const value = row[column] ?? null;
          if (value === null) continue;
          if (Keyring.keyIdOf(value) !== rotated.currentKeyId) stale.push(`${table}.${column}`);
          else rotated.decrypt(value, `${table}.${column}.${row.id}`);
        }
    }
    assert.deepEqual([...new Set(stale)], [], "left under the old key");
  });
});

describeOnEachDatabase("sealing free text stored in plain text by an earlier build", (t) => {
  let app: FastifyInstance | undefined;
  after(async () => app?.close());

  it("migration 2026112907 seals existing plain values, and readers see them unchanged", async () => {
    const written = await writeFreeTextCanaries(t, fixedClock(new Date("2026-10-05T16:00:00Z")));
    app = written.app;
    // Undo the migration (and the later ones): the columns hold plain text, as an earlier build
    // wrote them.
    const down = await (await migratorFor(t.db, TEST_KEYRING)).migrateTo("2026112906_tip_messages");
    assert.equal(down.error, undefined);
    // Every migration after 2026112906, newest first (later issues add their own).
    const later = Object.keys(MIGRATIONS).filter((name) => name > "2026112906_tip_messages");
    assert.deepEqual(
      down.results?.map((r) => r.migrationName),
      [...later].reverse(),
    );
    const before = await storedText(t);
    const plainBefore = Object.entries(FREE_TEXT)
      .filter(([, canary]) => before.includes(canary))
      .map(([column]) => column);
    const sealedEarlier = ["plan_items.need", "plan_items.goal"];
    assert.deepEqual(
      plainBefore,
      Object.keys(FREE_TEXT).filter((k) => !sealedEarlier.includes(k)),
    );

    await assert.rejects(migrateToLatest(t.db), /needs the key file/);
    assert.deepEqual(await migrateToLatest(t.db, TEST_KEYRING), later);
    // The audit chain as the old build left it is signed by 2026120201 and verifies unchanged.
    const chain = await verifyNow(t.db.kysely);
    assert.ok(chain.ok && chain.sealed > 0, chain.ok ? "no rows" : chain.problem);
    for (const [table, columns] of Object.entries(SEALED_FREE_TEXT)) {
      const rows = (await t.db.kysely
        .selectFrom(table as "consents")
        .select(["id", ...columns] as never)
        .execute()) as unknown as Record<string, string | null>[];
      for (const row of rows)
        for (const column of columns) {
          const value = row[column] ?? null;
          if (value !== null) TEST_KEYRING.decrypt(value, `${table}.${column}.${row.id}`);
        }
    }
    assert.deepEqual(await written.readBack(), expectedReadBack());
    const after = await storedText(t);
    const plainAfter = Object.entries(FREE_TEXT)
      .filter(([, canary]) => after.includes(canary))
      .map(([column]) => column);
    assert.deepEqual(plainAfter, [], `still in the stored data: ${plainAfter.join(", ")}`);
  });
});
