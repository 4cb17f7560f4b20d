import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { newId, UUID_PATTERN } from "../../src/server/ids.ts";

describe("ids", () => {
  it("are UUIDv7 and strictly increasing within one process, even in the same millisecond", () => {
    const ids = Array.from({ length: 10_000 }, () => newId(1_800_000_000_000));
    for (const id of ids) {
      assert.match(id, UUID_PATTERN);
      assert.equal(id[14], "7");
    }
    const sorted = [...ids].sort();
    assert.deepEqual(ids, sorted);
    assert.equal(new Set(ids).size, ids.length);
  });
});
