#!/usr/bin/env node
// `npm test`: everything, in order of speed — types, lint, build, then unit, integration (SQLite
// and PostgreSQL) and end-to-end tests (Chromium). Stops at the first failing step.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { ensureBuilt } from "./build.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const PG_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

function step(title, fn) {
  const started = Date.now();
  process.stdout.write(`\n== ${title}\n`);
  const ok = fn();
  return Promise.resolve(ok).then((result) => {
    if (result === false) {
      process.stdout.write(`\n✗ ${title} failed\n`);
      process.exit(1);
    }
    process.stdout.write(`✓ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  });
}

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  return r.status === 0;
}

function testFiles(dir) {
  const out = [];
  const visit = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) visit(p);
      else if (e.name.endsWith(".test.ts")) out.push(relative(root, p));
    }
  };
  if (existsSync(join(root, dir))) visit(join(root, dir));
  return out.sort();
}

function nodeTest(dir) {
  const files = testFiles(dir);
  if (files.length === 0) {
    process.stdout.write(`no tests found in ${dir}\n`);
    return false;
  }
  return run(process.execPath, ["--import", "tsx", "--test", "--test-reporter=spec", ...files], {
    NODE_ENV: "test",
  });
}

async function postgresReachable() {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch (e) {
    process.stderr.write(
      `PostgreSQL is not reachable at ${PG_URL}: ${e.message}\n` +
        "The integration tests run on SQLite and PostgreSQL and never skip one. Start PostgreSQL " +
        "(here: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start) or set " +
        "TEST_DATABASE_URL to a database where you may create schemas.\n",
    );
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return true;
  process.stdout.write(`Chromium is missing at ${CHROMIUM}; installing Debian's package.\n`);
  const env = { DEBIAN_FRONTEND: "noninteractive" };
  const aptGet = (args) =>
    process.getuid?.() === 0 ? run("apt-get", args, env) : run("sudo", ["apt-get", ...args], env);
  // A fresh machine may have no package lists yet: update once and retry.
  if (!aptGet(["install", "-y", "chromium"])) {
    aptGet(["update"]);
    aptGet(["install", "-y", "chromium"]);
  }
  if (!existsSync(CHROMIUM)) {
    process.stderr.write(`Could not install Chromium at ${CHROMIUM}; set CHROMIUM_PATH to one.\n`);
    return false;
  }
  return true;
}

const only = process.argv[2];
const steps = [
  ["types", () => run("npx", ["tsc", "-p", "tsconfig.json", "--noEmit"])],
  ["lint", () => run("npx", ["biome", "check", "--error-on-warnings", "."])],
  [
    "build",
    async () => {
      await ensureBuilt(["server", "web"]);
      return true;
    },
  ],
  ["unit tests", () => nodeTest("test/unit")],
  ["PostgreSQL reachable", () => postgresReachable()],
  ["integration tests (SQLite and PostgreSQL)", () => nodeTest("test/integration")],
  ["Chromium present", () => ensureChromium()],
  ["end-to-end tests (Chromium)", () => nodeTest("test/e2e")],
];
const started = Date.now();
for (const [title, fn] of steps) {
  if (only && !title.startsWith(only)) continue;
  await step(title, fn);
}
process.stdout.write(`\nall green in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
