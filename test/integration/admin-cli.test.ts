import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { Keyring, readKeyFile } from "../../src/server/security/keyring.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const WRITER = fileURLToPath(new URL("../support/audit-writer.ts", import.meta.url));

describe("administration on the command line", () => {
  const dir = mkdtempSync(join(tmpdir(), "waypoint-admin-cli-"));
  const env = {
    NODE_ENV: "test",
    DATABASE_URL: `sqlite:${join(dir, "w.db")}`,
    WAYPOINT_KEY_FILE: join(dir, "w.key"),
  };
  const cli = (args: string[], input = "") =>
    spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      input,
      encoding: "utf8",
      timeout: 60_000,
    });

  // Asynchronous, so this process's event loop (and a writer child's output) keeps running.
  const cliAsync = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
        cwd: root,
        env: { ...process.env, ...env },
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

  before(() => {
    const seeded = cli(["seed-demo", "--cases", "30"]);
    assert.equal(seeded.status, 0, seeded.stderr);
  });

  it("creates an administrator with the password from standard input, refusing common passwords", () => {
    const weak = cli(
      ["user", "create-admin", "--email", "root@test.waypoint.invalid"],
      "123qweasdzxc\n",
    );
    assert.equal(weak.status, 2);
    assert.match(weak.stderr, /password: is one of the most commonly used passwords/);
    const short = cli(["user", "create-admin", "--email", "root@test.waypoint.invalid"], "short\n");
    assert.equal(short.status, 2);
    assert.match(short.stderr, /at least 12 characters/);
    const ok = cli(
      ["user", "create-admin", "--email", "root@test.waypoint.invalid"],
      "a long and private passphrase\n",
    );
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /system_admin/);
    const again = cli(
      ["user", "create-admin", "--email", "root@test.waypoint.invalid"],
      "a long and private passphrase\n",
    );
    assert.equal(again.status, 2);
  });

  it("creates, disables and unlocks accounts; rejects unknown roles", () => {
    const db = new Database(join(dir, "w.db"));
    const agency = db.prepare("select id from agencies where kind = 'cps' limit 1").get() as {
      id: string;
    };
    db.close();
    const bad = cli(
      [
        "user",
        "create",
        "--email",
        "x@test.waypoint.invalid",
        "--agency",
        agency.id,
        "--role",
        "wizard",
      ],
      "a long and private passphrase\n",
    );
    assert.equal(bad.status, 2);
    const ok = cli(
      [
        "user",
        "create",
        "--email",
        "cps.worker@test.waypoint.invalid",
        "--agency",
        agency.id,
        "--role",
        "cps_investigator",
      ],
      "another private passphrase\n",
    );
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(cli(["user", "disable", "cps.worker@test.waypoint.invalid"]).status, 0);
    assert.equal(cli(["user", "unlock", "cps.worker@test.waypoint.invalid"]).status, 0);
    assert.equal(cli(["user", "unlock", "nobody@test.waypoint.invalid"]).status, 2);
  });

  it("prints an API token once and stores only its hash", () => {
    const r = cli([
      "token",
      "create",
      "--user",
      "root@test.waypoint.invalid",
      "--name",
      "exports",
      "--expires",
      "30",
    ]);
    assert.equal(r.status, 0, r.stderr);
    const token = r.stdout.trim();
    assert.match(token, /^wpt_[A-Za-z0-9_-]{43}$/);
    const db = new Database(join(dir, "w.db"));
    const hashes = db.prepare("select token_hash from api_tokens").pluck().all() as string[];
    db.close();
    assert.ok(!hashes.includes(token));
    const id = r.stderr.match(/token (\S+) for/)?.[1] as string;
    const revoked = cli(["token", "revoke", id]);
    assert.equal(revoked.status, 0, revoked.stderr);
    const check = new Database(join(dir, "w.db"));
    const row = check.prepare("select revoked_at from api_tokens where id = ?").get(id) as {
      revoked_at: string | null;
    };
    check.close();
    assert.ok(row.revoked_at);
    assert.equal(cli(["token", "revoke", "no-such-token"]).status, 2);
  });

  it("verifies the audit chain while another process keeps appending to it", async () => {
    const writer = spawn(process.execPath, ["--import", "tsx", WRITER, env.DATABASE_URL], {
      stdio: ["pipe", "pipe", "inherit"],
    });
    let output = "";
    writer.stdout.on("data", (chunk) => {
      output += chunk;
    });
    const exited = new Promise<number | null>((resolve) => writer.once("exit", resolve));
    try {
      await new Promise<void>((resolve, reject) => {
        writer.stdout.on("data", () => output.includes("ready") && resolve());
        void exited.then((code) => reject(new Error(`the writer exited with ${code}`)));
      });
      for (let round = 0; round < 3; round++) {
        const r = await cliAsync(["audit", "verify"]);
        assert.equal(r.code, 0, r.stderr);
        assert.match(r.stdout, /audit chain intact: (\d+) rows checked up to row \1\n/);
      }
    } finally {
      writer.stdin.end();
      // The writer stops before the next test looks at the database.
      await exited;
    }
    assert.equal(await exited, 0);
  });

  it("verifies the audit chain, and names the first row changed behind its back", () => {
    const sealed = cli(["audit", "seal"]);
    assert.equal(sealed.status, 0, sealed.stderr);
    assert.match(sealed.stdout, /^sealed [1-9]\d* audit rows in [1-9]\d* signed batches\n/);
    const ok = cli(["audit", "verify"]);
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /audit chain intact: (\d+) rows checked up to row \1\n/);
    assert.match(
      ok.stdout,
      /signed batch heads checked with audit key ed25519:[0-9a-f]{16} \(public key [\w-]{43}\)\n {2}0 rows not sealed yet\n/,
    );
    const publicKey = ok.stdout.match(/public key ([\w-]{43})/)?.[1] as string;
    const withKey = cli(["audit", "verify", "--public-key", publicKey]);
    assert.equal(withKey.status, 0, withKey.stderr);
    const db = new Database(join(dir, "w.db"));
    db.prepare("update audit_log set action = 'case.read' where seq = 7").run();
    db.close();
    const broken = cli(["audit", "verify"]);
    assert.equal(broken.status, 1);
    assert.match(broken.stderr, /audit chain broken at row 7: row 7 was changed/);
  });

  it("rotates keys and re-encrypts every identity field, keeping them readable", () => {
    const before = readKeyFile(env.WAYPOINT_KEY_FILE);
    const r = cli(["keys", "rotate"]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /re-encrypting identity fields: \d+\/\d+ \(100%\)/);
    const after = readKeyFile(env.WAYPOINT_KEY_FILE);
    assert.notEqual(after.current, before.current);
    assert.equal(after.keys.length, before.keys.length + 1);
    const db = new Database(join(dir, "w.db"));
    const rows = db
      .prepare("select id, given_name from persons where given_name is not null")
      .all() as { id: string; given_name: string }[];
    db.close();
    assert.ok(rows.length > 0);
    const keyring = new Keyring(after);
    for (const row of rows) {
      assert.equal(Keyring.keyIdOf(row.given_name), after.current);
      assert.ok(keyring.decrypt(row.given_name, `persons.given_name.${row.id}`).length > 0);
    }
  });
});
