import { type ChildProcess, spawn } from "node:child_process";
import autocannon from "autocannon";
import { startAuditSealer } from "../src/server/audit/audit-sealer-loop.ts";
import { systemClock } from "../src/server/clock.ts";
import { parseDatabaseUrl } from "../src/server/config.ts";
import type { AppContext } from "../src/server/context.ts";
import { openDatabase } from "../src/server/db/database.ts";
import { loadKeyring } from "../src/server/security/keyring.ts";
import { sealAndVerify } from "./audit-after-run.ts";
import { percentile, printFigures, printRatio } from "./report.ts";
import { postgresBenchDatabase, sqliteBenchDatabase } from "./scale-data.ts";
import { sessionCookieFor } from "./sessions.ts";

/**
 * GET /api/v1/cases/:id on SQLite (one server), PostgreSQL (one server) and PostgreSQL (two
 * server processes on one database, the load split between them, in the same run), plus
 * /healthz, with the round trips each hot path sends to PostgreSQL (`--round-trips` alone).
 */
const CASES = Number(process.env.BENCH_CASES ?? 2000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
/** PostgreSQL connections per server process; unset: the server's own default (config.ts). */
const POOL_SIZE = process.env.PG_POOL_SIZE ? Number(process.env.PG_POOL_SIZE) : undefined;

interface Served {
  port: number;
  cookie: string;
  ids: string[];
}

/** Work a real server process runs beside its requests: the audit sealer, as in production. */
function startBackgroundWork(ctx: AppContext): void {
  startAuditSealer(ctx);
}

/** Child mode: serve the database as the state coordinator; report port, cookie and case ids. */
async function serve(url: string, keyFile: string): Promise<void> {
  const { buildApp } = await import("../src/server/app.ts");
  const db = openDatabase(parseDatabaseUrl(url), POOL_SIZE ? { poolSize: POOL_SIZE } : {});
  const keyring = loadKeyring(keyFile, { createIfMissing: false });
  const cookie = await sessionCookieFor(db);
  const ids = (await db.kysely.selectFrom("cases").select("id").execute()).map((r) => r.id);
  const ctx = { db, clock: systemClock, keyring };
  startBackgroundWork(ctx);
  const app = await buildApp({ config: { logLevel: "warn", env: "production" }, ctx });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const served: Served = {
    port: typeof address === "object" && address ? address.port : 0,
    cookie,
    ids,
  };
  process.send?.(served);
}

async function startServer(url: string, keyFile: string) {
  const child: ChildProcess = spawn(
    process.execPath,
    [...process.execArgv, process.argv[1] as string, "scale", "--serve", url, keyFile],
    { stdio: ["ignore", "ignore", "inherit", "ipc"] },
  );
  const served = await new Promise<Served>((resolve, reject) => {
    child.once("message", (m) => resolve(m as Served));
    child.once("exit", (code) => reject(new Error(`server exited ${code}`)));
  });
  return { ...served, stop: () => child.kill("SIGKILL") };
}

interface Load {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
}

/** Load on several servers at once, the connections split between them; latencies merged. */
async function load(servers: Served[], path: "case" | "healthz", seconds: number): Promise<Load> {
  const times: number[] = [];
  let non2xx = 0;
  const each = Math.max(1, Math.floor(CONNECTIONS / servers.length));
  const results = await Promise.all(
    servers.map(
      (s) =>
        new Promise<autocannon.Result>((resolve, reject) => {
          const instance = autocannon(
            {
              url: `http://127.0.0.1:${s.port}`,
              connections: each,
              duration: seconds,
              headers: { cookie: s.cookie },
              requests: [
                {
                  method: "GET",
                  setupRequest: (req) => ({
                    ...req,
                    path:
                      path === "healthz"
                        ? "/healthz"
                        : `/api/v1/cases/${s.ids[Math.floor(Math.random() * s.ids.length)]}`,
                  }),
                },
              ],
            },
            (error, result) => (error ? reject(error) : resolve(result)),
          );
          instance.on("response", (_client, status, _bytes, ms) => {
            if (status < 200 || status >= 300) non2xx += 1;
            times.push(ms);
          });
        }),
    ),
  );
  if (non2xx > 0) throw new Error(`${non2xx} non-2xx answers`);
  times.sort((a, b) => a - b);
  const seconds_ = results.reduce((max, r) => Math.max(max, r.duration), 0);
  return {
    rps: times.length / (seconds_ || seconds),
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
  };
}

async function measure(servers: Served[], path: "case" | "healthz"): Promise<Load> {
  await load(servers, path, 1); // warm: JIT, page cache, each connection's prepared statements
  return load(servers, path, DURATION_S);
}

const median = (loads: Load[]): Load =>
  [...loads].sort((a, b) => a.rps - b.rps)[Math.floor(loads.length / 2)] as Load;

function figures(name: string, l: Load) {
  return [
    { name: `${name}: req/s`, value: l.rps, unit: "req/s" },
    {
      name: `${name}: p50 / p95 / p99`,
      value: l.p50,
      unit: `/ ${l.p95.toFixed(1)} / ${l.p99.toFixed(1)} ms`,
    },
  ];
}

async function scaleRun(): Promise<void> {
  const sqlite = await sqliteBenchDatabase(CASES);
  const postgres = await postgresBenchDatabase(CASES);
  const runs = {
    sqlite: [] as Load[],
    healthz: [] as Load[],
    pg1: [] as Load[],
    pg2: [] as Load[],
  };
  // Alternating rounds, every server fresh: a noisy neighbour hurts one round, not one setting.
  for (let round = 0; round < ROUNDS; round++) {
    const s = await startServer(sqlite.url, sqlite.keyFile);
    try {
      runs.sqlite.push(await measure([s], "case"));
      runs.healthz.push(await measure([s], "healthz"));
    } finally {
      s.stop();
    }
    const a = await startServer(postgres.url, postgres.keyFile);
    const b = await startServer(postgres.url, postgres.keyFile);
    try {
      runs.pg1.push(await measure([a], "case"));
      runs.pg2.push(await measure([a, b], "case"));
    } finally {
      a.stop();
      b.stop();
    }
  }
  const [sq, hz, p1, p2] = [runs.sqlite, runs.healthz, runs.pg1, runs.pg2].map(median) as [
    Load,
    Load,
    Load,
    Load,
  ];
  printFigures(
    `GET /api/v1/cases/:id, ${CASES} cases, ${CONNECTIONS} connections, ${DURATION_S} s, median of ${ROUNDS} round(s)`,
    [
      ...figures("SQLite, one server", sq),
      ...figures("PostgreSQL, one server", p1),
      ...figures("PostgreSQL, two servers", p2),
      ...figures("/healthz (SQLite server)", hz),
    ],
  );
  printRatio("PostgreSQL one server / SQLite", p1.rps / sq.rps, "≥ 0.5", p1.rps / sq.rps >= 0.5);
  printRatio("PostgreSQL two servers / one", p2.rps / p1.rps, "≥ 1.4", p2.rps / p1.rps >= 1.4);
  printRatio("SQLite case read / /healthz", sq.rps / hz.rps, "≥ 0.25", sq.rps / hz.rps >= 0.25);
  for (const target of [sqlite, postgres]) {
    const db = openDatabase(parseDatabaseUrl(target.url));
    await sealAndVerify(db, loadKeyring(target.keyFile, { createIfMissing: false }));
    await db.close();
  }
}

export async function run(args: string[]): Promise<void> {
  const serveAt = args.indexOf("--serve");
  if (serveAt >= 0) return serve(args[serveAt + 1] as string, args[serveAt + 2] as string);
  const { printRoundTrips } = await import("./scale-round-trips.ts");
  await printRoundTrips(await postgresBenchDatabase(CASES), args.includes("--round-trips"));
  if (args.includes("--round-trips")) return;
  await scaleRun();
}
