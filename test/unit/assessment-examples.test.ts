import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assess, parseFacts } from "../../src/domain/assessment/index.ts";
import { checkAgainst, loadExamples } from "../support/examples.ts";

describe("assessment engine: the shared worked examples", () => {
  for (const example of loadExamples()) {
    it(example.name, () => {
      const result = assess(parseFacts(example.facts));
      assert.deepEqual(checkAgainst(example.expect, result), []);
      assert.ok(result.rationale.length > 0);
    });
  }
});
