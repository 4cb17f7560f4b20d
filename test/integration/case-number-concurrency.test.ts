import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { it } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describeOnEachDatabase } from "../support/databases.ts";
import { buildAgency } from "../support/factories.ts";

const run = promisify(execFile);
const worker = fileURLToPath(new URL("../support/open-cases-worker.ts", import.meta.url));

describeOnEachDatabase("case numbers under concurrency from two processes", (t) => {
  it("two processes opening cases at once never get the same case number", async () => {
    const agency = await buildAgency(t.db);
    const perProcess = 30;
    const outputs = await Promise.all(
      [1, 2].map(() =>
        run(process.execPath, ["--import", "tsx", worker, t.url, agency.id, String(perProcess)]),
      ),
    );
    const numbers = outputs.flatMap((o) => o.stdout.split("\n").filter(Boolean));
    assert.equal(numbers.length, 2 * perProcess);
    assert.equal(new Set(numbers).size, numbers.length, "duplicate case number");
    const sequence = numbers.map((n) => Number(n.split("-")[2])).sort((a, b) => a - b);
    assert.deepEqual(
      sequence,
      Array.from({ length: 2 * perProcess }, (_, i) => i + 1),
      "numbers are consecutive: no gaps and no repeats",
    );
  });
});
