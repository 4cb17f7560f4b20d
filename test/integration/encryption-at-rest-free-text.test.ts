import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { fixedClock } from "../../src/server/clock.ts";
import { Keyring, readKeyFile, writeKeyFile } from "../../src/server/security/keyring.ts";
import { rotateKeys } from "../../src/server/use-cases/rotate-keys.ts";
import { TEST_KEY_FILE } from "../support/context.ts";
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
