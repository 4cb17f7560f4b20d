import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { startServer } from "../support/server-process.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));

function runServer(env: Record<string, string>) {
  return spawnSync(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 30_000,
  });
}

function cli(args: string[], env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), "waypoint-cli-key-"));
  return spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "test", WAYPOINT_KEY_FILE: join(dir, "w.key"), ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("server process", () => {
  for (const [name, value] of [
    ["PORT", "abc"],
    ["DATABASE_URL", "mysql://x"],
  ]) {
    it(`exits non-zero with one clear line on ${name}=${value}`, () => {
      const r = runServer({ [name as string]: value as string });
      assert.notEqual(r.status, 0);
      const lines = r.stderr.trim().split("\n");
      assert.equal(lines.length, 1, r.stderr);
      assert.match(lines[0] as string, new RegExp(`bad configuration: ${name}:`));
    });
  }

  it("starts on a fresh database with demo data, serves /healthz, and stops cleanly on SIGTERM", async () => {
    const server = await startServer({ WAYPOINT_DEMO_CASES: "5" });
    try {
      assert.match(server.output(), /demo logins/);
      assert.match(server.output(), /@demo\.waypoint\.invalid/);
      const res = await fetch(`${server.url}healthz`);
      assert.equal(res.status, 200);
      const ready = await fetch(`${server.url}readyz`);
      assert.equal(ready.status, 200);
    } finally {
      assert.equal(await server.stop("SIGTERM"), 0, server.output());
    }
  });
});

describe("command line", () => {
  it("prints help with exit 0, and exits 2 with one line on bad usage", () => {
    const help = cli(["--help"]);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /migrate/);
    const unknown = cli(["frobnicate"]);
    assert.equal(unknown.status, 2);
    assert.equal(unknown.stderr.trim().split("\n").length, 1);
    const badFlag = cli(["seed-demo", "--cases", "many"]);
    assert.equal(badFlag.status, 2);
    assert.match(badFlag.stderr, /--cases/);
  });

  it("migrates and seeds a fresh SQLite database, and refuses to seed it twice", () => {
    const dir = mkdtempSync(join(tmpdir(), "waypoint-cli-"));
    const env = {
      DATABASE_URL: `sqlite:${join(dir, "w.db")}`,
      WAYPOINT_KEY_FILE: join(dir, "w.key"),
    };
    const migrate = cli(["migrate"], env);
    assert.equal(migrate.status, 0, migrate.stderr);
    assert.match(migrate.stdout, /applied 2026112901_initial/);
    const seed = cli(["seed-demo", "--cases", "12"], env);
    assert.equal(seed.status, 0, seed.stderr);
    assert.match(seed.stdout, /12 cases/);
    assert.match(seed.stderr, /seeding cases: 12\/12 \(100%\)/);
    const again = cli(["seed-demo"], env);
    assert.equal(again.status, 2);
  });

  it("never seeds demo data in production", () => {
    const dir = mkdtempSync(join(tmpdir(), "waypoint-cli-"));
    const r = cli(["seed-demo"], {
      NODE_ENV: "production",
      DATABASE_URL: `sqlite:${join(dir, "w.db")}`,
    });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /production/);
  });
});
