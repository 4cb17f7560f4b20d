import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, it } from "node:test";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { systemClock } from "../../src/server/clock.ts";
import { parseDatabaseUrl } from "../../src/server/config.ts";
import { type Db, openDatabase } from "../../src/server/db/database.ts";
import { newKeyFile, writeKeyFile } from "../../src/server/security/keyring.ts";
import { TEST_KEY_FILE, testApp, testContext } from "../support/context.ts";
import { describeOnEachDatabase, TEST_DATABASE_URL } from "../support/databases.ts";
import { buildAgency, buildUser } from "../support/factories.ts";
import { signedIn, type TestClient } from "../support/http-client.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** The CLI in its own process, asynchronously, so this process keeps taking intakes meanwhile. */
function cli(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
      cwd: root,
      env: { ...process.env, NODE_ENV: "test", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => {
      stdout += c;
    });
    child.stderr.on("data", (c) => {
      stderr += c;
    });
    child.once("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

interface Acknowledged {
  caseId: string;
  givenName: string;
}

describeOnEachDatabase("backup and restore drill", (t) => {
  const dir = mkdtempSync(join(tmpdir(), "waypoint-drill-"));
  const keyFile = join(dir, "waypoint.key");
  const wrongKeyFile = join(dir, "other.key");
  const backupFile = join(dir, t.dialect === "sqlite" ? "backup.db" : "backup.dump");
  const extraDatabases: string[] = [];
  let targets = 0;
  let app: FastifyInstance;
  let screener: TestClient;
  let coordinator: { email: string; password: string; secret?: string };
  let acknowledgedBefore: Acknowledged[] = [];
  let target = "";

  /** A fresh, empty database to restore into: a new file, or a new PostgreSQL database. */
  async function freshTarget(): Promise<string> {
    targets += 1;
    if (t.dialect === "sqlite") return `sqlite:${join(dir, `restored-${targets}.db`)}`;
    const name = `wp_drill_${process.pid}_${targets}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    extraDatabases.push(name);
    // Same schema name as the source (an archive restores into the schema it came from).
    const u = new URL(t.url);
    u.pathname = `/${name}`;
    return u.toString();
  }

  before(async () => {
    writeKeyFile(keyFile, TEST_KEY_FILE);
    writeKeyFile(wrongKeyFile, newKeyFile());
    const ctx = testContext(t.db);
    app = await testApp(ctx);
    const agency = await buildAgency(t.db, { kind: "other" });
    const mbi = await buildAgency(t.db, { kind: "mbi" });
    screener = await signedIn(
      app,
      await buildUser(ctx, { agencyId: agency.id, role: "screener" }),
      systemClock,
    );
    coordinator = await buildUser(ctx, {
      agencyId: mbi.id,
      role: "state_coordinator",
      mfa: true,
    });
  });
  after(async () => {
    await app.close();
    if (extraDatabases.length > 0) {
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      for (const name of extraDatabases)
        await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it("backs up while intakes are written; the restore holds every case acknowledged before, readable", async () => {
    const acknowledged: Acknowledged[] = [];
    let writing = true;
    const intakes = (async () => {
      for (let i = 0; writing; i++) {
        const givenName = `Drill${i}`;
        const res = await screener.post("/api/v1/cases", {
          source: "school",
          countyFips: "28049",
          persons: [{ part: "victim", givenName, familyName: "Restore", ageYears: 24 }],
          facts: { subject: { age: 24 } },
        });
        assert.equal(res.statusCode, 201, res.body);
        acknowledged.push({ caseId: res.json().caseId, givenName });
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    let backup: Awaited<ReturnType<typeof cli>>;
    let duringBackup = 0;
    try {
      while (acknowledged.length < 10) await new Promise((resolve) => setTimeout(resolve, 20));
      acknowledgedBefore = [...acknowledged];
      backup = await cli(["backup", "--to", backupFile], {
        DATABASE_URL: t.url,
        WAYPOINT_KEY_FILE: keyFile,
      });
      duringBackup = acknowledged.length - acknowledgedBefore.length;
    } finally {
      writing = false;
      await intakes;
    }
    assert.equal(backup.code, 0, backup.stderr);
    assert.match(backup.stdout, /backup written to .*WAYPOINT_KEY_FILE/);
    assert.ok(duringBackup > 0, "intakes went on while the backup ran");

    target = await freshTarget();
    const restored = await cli(["restore", "--from", backupFile], {
      DATABASE_URL: target,
      WAYPOINT_KEY_FILE: keyFile,
    });
    assert.equal(restored.code, 0, restored.stderr);
    assert.match(
      restored.stdout,
      /^restored .*: integrity ok, audit chain intact \((\d+) rows checked up to row \1\), key file decrypts [1-9]\d* sampled encrypted values/,
    );

    // Read back through the application, as a state coordinator signing in on the restored data.
    const db: Db = openDatabase(parseDatabaseUrl(target));
    const restoredApp = await testApp(testContext(db));
    try {
      const reader = await signedIn(restoredApp, coordinator, systemClock);
      for (const ack of acknowledgedBefore) {
        const res = await reader.get(`/api/v1/cases/${ack.caseId}`);
        assert.equal(
          res.statusCode,
          200,
          `case ${ack.caseId} acknowledged before the backup is missing`,
        );
        const victim = res.json().persons[0];
        assert.equal(victim.identity.givenName, ack.givenName);
        assert.equal(victim.identity.familyName, "Restore");
      }
    } finally {
      await restoredApp.close();
      await db.close();
    }
  });

  it("refuses to restore into a database that is not empty, without --force", async () => {
    assert.ok(target, "the drill ran first");
    const r = await cli(["restore", "--from", backupFile], {
      DATABASE_URL: target,
      WAYPOINT_KEY_FILE: keyFile,
    });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /is not empty .* pass --force/);
  });

  it("refuses a wrong or missing key file with one clear line", async () => {
    const fresh = await freshTarget();
    const wrong = await cli(["restore", "--from", backupFile], {
      DATABASE_URL: fresh,
      WAYPOINT_KEY_FILE: wrongKeyFile,
    });
    assert.equal(wrong.code, 1, wrong.stderr);
    assert.equal(wrong.stderr.trim().split("\n").length, 1, wrong.stderr);
    assert.match(
      wrong.stderr,
      /^error: the key file .*other\.key \(WAYPOINT_KEY_FILE\) does not decrypt this database's encrypted fields/,
    );
    assert.doesNotMatch(wrong.stdout, /restored/);
    if (t.dialect === "sqlite") {
      const path = parseDatabaseUrl(fresh);
      assert.ok(
        path.kind === "sqlite" && !existsSync(path.path),
        "a refused restore writes nothing",
      );
    }
    const missing = await cli(["restore", "--from", backupFile], {
      DATABASE_URL: await freshTarget(),
      WAYPOINT_KEY_FILE: join(dir, "no-such.key"),
    });
    assert.equal(missing.code, 1, missing.stderr);
    assert.match(
      missing.stderr,
      /^error: key file .*no-such\.key does not exist \(WAYPOINT_KEY_FILE\)/,
    );
  });
});
