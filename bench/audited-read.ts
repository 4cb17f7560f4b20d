import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import autocannon from "autocannon";
import BetterSqlite3 from "better-sqlite3";
import { startAuditSealer } from "../src/server/audit/audit-sealer-loop.ts";
import { systemClock } from "../src/server/clock.ts";
import type { SqliteSynchronous } from "../src/server/config.ts";
import { migrateToLatest, openDatabase } from "../src/server/db/database.ts";
import { MIGRATIONS } from "../src/server/db/migrations/index.ts";
import { seedDemo } from "../src/server/demo/seed-demo.ts";
import { loadKeyring } from "../src/server/security/keyring.ts";
import { sealAndVerify } from "./audit-after-run.ts";
import { percentile, printFigures, printRatio } from "./report.ts";
import { sessionCookieFor } from "./sessions.ts";

/**
 * The audited read against the cheapest route on the same SQLite server: every
 * GET /api/v1/cases/:id appends an audit row in its own transaction, so with synchronous=full
 * each one needs its commit durable before the reply (issue 12: ≥ 0.25 × /healthz req/s).
 */
const CASES = 2000;
const CONNECTIONS = 20;
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
let synchronous: SqliteSynchronous = "full";

interface Served {
  port: number;
  cookie: string;
  ids: string[];
}

/** What the server process did so far: its CPU time and the COMMITs it ran. */
interface Usage {
  cpuMicros: number;
  commits: number;
}

/** Counts COMMIT statements on every connection of this process (Kysely runs them with `run`). */
function countCommits(): () => number {
  const probe = new BetterSqlite3(":memory:");
  const statement = Object.getPrototypeOf(probe.prepare("select 1")) as {
    run: (this: { source: string }, ...a: unknown[]) => unknown;
  };
  probe.close();
  let commits = 0;
  const run = statement.run;
  statement.run = function (...a) {
    if (this.source === "commit") commits += 1;
    return run.apply(this, a);
  };
  return () => commits;
}

/** Child mode: serve the database with a state coordinator's session. */
async function serve(path: string): Promise<void> {
  const commits = countCommits();
  process.on("message", (m) => {
    if (m !== "usage") return;
    const cpu = process.cpuUsage();
    process.send?.({ cpuMicros: cpu.user + cpu.system, commits: commits() } satisfies Usage);
  });
  const { buildApp } = await import("../src/server/app.ts");
  const db = openDatabase({ kind: "sqlite", path, synchronous });
  const keyring = loadKeyring(`${path}.key`, { createIfMissing: false });
  const cookie = await sessionCookieFor(db);
  const ids = (await db.kysely.selectFrom("cases").select("id").execute()).map((r) => r.id);
  const app = await buildApp({
    config: { logLevel: "warn", env: "production" },
    ctx: { db, clock: systemClock, keyring },
  });
  startAuditSealer({ db, clock: systemClock, keyring });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const served: Served = {
    port: typeof address === "object" && address ? address.port : 0,
    cookie,
    ids: Array.from({ length: 4000 }, () => ids[Math.floor(Math.random() * ids.length)] as string),
  };
  process.send?.(served);
}

async function benchDatabase(): Promise<string> {
  const last = Object.keys(MIGRATIONS).at(-1);
  const path = join(process.cwd(), "data", `bench-audited-read-${CASES}-${last}.db`);
  if (existsSync(path)) return path;
  const db = openDatabase({ kind: "sqlite", path, synchronous: "normal" });
  await migrateToLatest(db);
  const keyring = loadKeyring(`${path}.key`, { createIfMissing: true });
  await seedDemo(db, systemClock, { cases: CASES, production: false, seed: 12, keyring });
  await db.close();
  process.stderr.write(`built ${CASES}-case database\n`);
  return path;
}

interface Run {
  rps: number;
  requests: number;
  /** Latencies of every answer, ms, ascending. */
  latencies: number[];
  /** The server's CPU time (ms) and its COMMITs during the run. */
  cpuMs: number;
  commits: number;
}

function usage(child: ChildProcess): Promise<Usage> {
  return new Promise((resolve) => {
    child.once("message", (m) => resolve(m as Usage));
    child.send("usage");
  });
}

async function load(
  child: ChildProcess,
  served: Served,
  requests: { method: "GET"; path: string }[],
  seconds: number,
): Promise<Run> {
  const latencies: number[] = [];
  const start = await usage(child);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${served.port}`,
        connections: CONNECTIONS,
        duration: seconds,
        headers: { cookie: served.cookie },
        requests,
      },
      (error, r) => (error ? reject(error) : resolve(r)),
    );
    instance.on("response", (_client, _status, _bytes, ms: number) => latencies.push(ms));
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${result.non2xx} non-2xx answers, ${result.errors} errors`);
  const end = await usage(child);
  return {
    rps: result.requests.average,
    requests: result.requests.total,
    latencies: latencies.sort((a, b) => a - b),
    cpuMs: (end.cpuMicros - start.cpuMicros) / 1000,
    commits: end.commits - start.commits,
  };
}

function figures(label: string, r: Run) {
  return [
    { name: `${label}: req/s`, value: r.rps, unit: "req/s" },
    { name: `${label}: p50`, value: percentile(r.latencies, 50), unit: "ms" },
    { name: `${label}: p95`, value: percentile(r.latencies, 95), unit: "ms" },
    { name: `${label}: p99`, value: percentile(r.latencies, 99), unit: "ms" },
    { name: `${label}: server CPU per request`, value: (r.cpuMs * 1000) / r.requests, unit: "µs" },
  ];
}

export async function run(args: string[]): Promise<void> {
  if (args.includes("--synchronous=normal")) synchronous = "normal";
  const serveAt = args.indexOf("--serve");
  if (serveAt >= 0) return serve(args[serveAt + 1] as string);
  const path = await benchDatabase();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...process.execArgv,
      process.argv[1] as string,
      "audited-read",
      `--synchronous=${synchronous}`,
      "--serve",
      path,
    ],
    { stdio: ["ignore", "ignore", "inherit", "ipc"] },
  );
  let read: Run;
  let healthz: Run;
  try {
    const served = await new Promise<Served>((resolve, reject) => {
      child.once("message", (m) => resolve(m as Served));
      child.once("exit", (code) => reject(new Error(`server exited ${code}`)));
    });
    const reads = served.ids.map((id) => ({ method: "GET" as const, path: `/api/v1/cases/${id}` }));
    const health = [{ method: "GET" as const, path: "/healthz" }];
    await load(child, served, health, 2); // warm-up
    await load(child, served, reads, 2);
    healthz = await load(child, served, health, DURATION_S);
    read = await load(child, served, reads, DURATION_S);
  } finally {
    child.kill("SIGKILL");
  }
  printFigures(
    `Audited case read vs /healthz, one SQLite server (synchronous=${synchronous}), ${CASES} cases, ${CONNECTIONS} connections, ${DURATION_S} s each`,
    [...figures("/healthz", healthz), ...figures("GET /api/v1/cases/:id", read)],
  );
  const ratio = read.rps / healthz.rps;
  printRatio("case read req/s / healthz req/s", ratio, "≥ 0.25", ratio >= 0.25);
  // Figures that the machine's load moves less than req/s: fsyncs shared, CPU spent.
  process.stdout.write(
    `  case reads per COMMIT (one fsync each)       ${(read.requests / Math.max(1, read.commits)).toFixed(2).padStart(12)}\n`,
  );
  const cpuRatio = read.cpuMs / read.requests / (healthz.cpuMs / healthz.requests);
  process.stdout.write(
    `  server CPU per case read / per healthz       ${cpuRatio.toFixed(2).padStart(12)}   (the req/s ratio cannot beat 1 / this)\n`,
  );
  const db = openDatabase({ kind: "sqlite", path });
  await sealAndVerify(db, loadKeyring(`${path}.key`, { createIfMissing: false }));
  await db.close();
}
