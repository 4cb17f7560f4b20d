import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, it } from "node:test";
import { fileURLToPath } from "node:url";
import { newKeyFile, writeKeyFile } from "../../src/server/security/keyring.ts";
import { openCase } from "../../src/server/use-cases/intake/open-case.ts";
import { TEST_KEY_FILE, testContext } from "../support/context.ts";
import { describeOnEachDatabase } from "../support/databases.ts";
import { buildAgency } from "../support/factories.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Starts the server; resolves with its exit code, or "running" (and stops it) once it listens. */
function startOnce(
  env: Record<string, string>,
): Promise<{ result: number | "running"; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
      cwd: root,
      env: { ...process.env, NODE_ENV: "development", PORT: "0", LOG_LEVEL: "warn", ...env },
    });
    let output = "";
    let running = false;
    const collect = (chunk: Buffer) => {
      output += chunk;
      if (!running && /running at/.test(output)) {
        running = true;
        child.kill("SIGTERM");
      }
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.once("exit", (code) => resolve({ result: running ? "running" : (code ?? -1), output }));
  });
}

describeOnEachDatabase("the key file at start-up", (t) => {
  const dir = mkdtempSync(join(tmpdir(), "waypoint-key-file-"));
  before(async () => {
    // Encrypted identity fields, written under the test key.
    const agency = await buildAgency(t.db, { kind: "victim_services" });
    await openCase(testContext(t.db), {
      agencyId: agency.id,
      source: "shelter",
      persons: [
        { part: "victim", givenName: "Keyholder", familyName: "Test", birthDate: "2001-02-03" },
      ],
    });
  });

  it("refuses to start in development when the key file is missing and the database holds encrypted data", async () => {
    const keyFile = join(dir, `missing-${t.dialect}.key`);
    const { result, output } = await startOnce({
      DATABASE_URL: t.url,
      WAYPOINT_KEY_FILE: keyFile,
      WAYPOINT_DEMO: "0",
    });
    assert.equal(result, 1, output);
    assert.equal(output.trim().split("\n").length, 1, output);
    assert.match(output, /WAYPOINT_KEY_FILE/);
    assert.match(output, /holds encrypted data/);
    assert.ok(!existsSync(keyFile), "no new key was made");
  });

  it("refuses to start with a key file that does not decrypt the database", async () => {
    const keyFile = join(dir, `wrong-${t.dialect}.key`);
    writeKeyFile(keyFile, newKeyFile());
    const before = readFileSync(keyFile, "utf8");
    const { result, output } = await startOnce({
      DATABASE_URL: t.url,
      WAYPOINT_KEY_FILE: keyFile,
      WAYPOINT_DEMO: "0",
    });
    assert.equal(result, 1, output);
    assert.match(output, /WAYPOINT_KEY_FILE\) does not decrypt this database's encrypted fields/);
    assert.equal(readFileSync(keyFile, "utf8"), before);
  });

  it("starts with the right key file", async () => {
    const keyFile = join(dir, `right-${t.dialect}.key`);
    writeKeyFile(keyFile, TEST_KEY_FILE);
    const { result, output } = await startOnce({
      DATABASE_URL: t.url,
      WAYPOINT_KEY_FILE: keyFile,
      WAYPOINT_DEMO: "0",
    });
    assert.equal(result, "running", output);
  });

  it("the command line refuses the same way, and never makes a key", () => {
    const keyFile = join(dir, `cli-${t.dialect}.key`);
    const r = spawnSync(
      process.execPath,
      ["--import", "tsx", "src/cli/main.ts", "user", "unlock", "nobody@test.waypoint.invalid"],
      {
        cwd: root,
        env: {
          ...process.env,
          NODE_ENV: "development",
          DATABASE_URL: t.url,
          WAYPOINT_KEY_FILE: keyFile,
        },
        encoding: "utf8",
        timeout: 60_000,
      },
    );
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /WAYPOINT_KEY_FILE.*holds encrypted data/);
    assert.ok(!existsSync(keyFile));
  });
});
