import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { checkAgainst, loadExamples } from "../support/examples.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** The CLI exactly as the contract calls it (the built bundle, via the launcher npm runs). */
function assessCli(stdin: string, args: string[] = []) {
  return spawnSync(process.execPath, ["scripts/launch.mjs", "cli", "assess", ...args], {
    cwd: root,
    input: stdin,
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("assess on the command line", () => {
  for (const example of loadExamples()) {
    it(`${example.name}: JSON on stdout, exit 0`, () => {
      const r = assessCli(JSON.stringify(example.facts));
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stderr, "");
      assert.deepEqual(checkAgainst(example.expect, JSON.parse(r.stdout)), []);
    });
  }

  it("reads a FILE argument too, through npm run -s cli", () => {
    // A worked example's shape, { facts, expect }, is not a facts document: it must fail cleanly.
    const file = join(mkdtempSync(join(tmpdir(), "waypoint-assess-")), "example.json");
    writeFileSync(file, JSON.stringify({ facts: { subject: { age: 30 } }, expect: {} }));
    const r = spawnSync("npm", ["run", "-s", "cli", "--", "assess", file], {
      cwd: root,
      encoding: "utf8",
    });
    assert.equal(r.status, 2);
    assert.equal(r.stdout, "");
    assert.equal(r.stderr.trim(), "facts: is not a known field");
  });

  for (const [input, line] of [
    ['{"subject":{"age":130}}', "subject.age: must be between 0 and 120"],
    ['{"subject":{"agee":1}}', "subject.agee: is not a known field"],
    ['{"indicators":["tattoo"]}', "indicators.0: is not an indicator id of the catalogue"],
    ["{bad", "input: is not valid JSON"],
    ["", "input: is not valid JSON"],
  ]) {
    it(`rejects ${input || "(empty)"} with one line and exit 2`, () => {
      const r = assessCli(input as string);
      assert.equal(r.status, 2);
      assert.equal(r.stdout, "");
      assert.equal(r.stderr.trim().split("\n").length, 1);
      assert.ok(r.stderr.startsWith(line as string), r.stderr);
    });
  }

  it("any random JSON either assesses (exit 0) or fails with exit 2, never a crash", () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 3 }), (text) => {
        const r = assessCli(text);
        assert.ok(r.status === 0 || r.status === 2, `exit ${r.status}: ${r.stderr}`);
        if (r.status === 0) JSON.parse(r.stdout);
        else assert.equal(r.stdout, "");
      }),
      { numRuns: 12 },
    );
  });
});
