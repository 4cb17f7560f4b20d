import { type ChildProcess, spawn } from "node:child_process";
import { statSync } from "node:fs";
import autocannon from "autocannon";
import { sql } from "kysely";
import { startAuditSealer } from "../src/server/audit/audit-sealer-loop.ts";
import { systemClock } from "../src/server/clock.ts";
import type { SqliteSynchronous } from "../src/server/config.ts";
import { openDatabase } from "../src/server/db/database.ts";
import { loadKeyring } from "../src/server/security/keyring.ts";
import { sealAndVerify } from "./audit-after-run.ts";
import { caseDatabase } from "./case-page-database.ts";
import { percentile, printFigures, printRatio } from "./report.ts";
import { sessionCookieFor } from "./sessions.ts";

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
/** The largest database to measure: 1M unless asked (BENCH_MAX_CASES=100000 for a quick run). */
const MAX_CASES = Number(process.env.BENCH_MAX_CASES ?? 1_000_000);
const SIZES = [10_000, Math.max(10_000, MAX_CASES)].filter((n, i, all) => all.indexOf(n) === i);
const SAMPLE = 2000;
/** `--synchronous=normal` serves without the per-commit fsync (docs/decisions/0004), to compare. */
let synchronous: SqliteSynchronous = "full";

/** What the web case page asks for when it opens (src/web/staff/case/*Panel.tsx), after the case. */
const PANELS = ["timeline", "obligations", "notes", "documents", "plans", "referrals", "rat"];

interface Served {
  port: number;
  cookie: string;
  ids: string[];
}

/** Child mode: serve one database as the state coordinator would see it; report random case ids. */
async function serve(path: string): Promise<void> {
  const { buildApp } = await import("../src/server/app.ts");
  const db = openDatabase({ kind: "sqlite", path, synchronous });
  const keyring = loadKeyring(`${path}.key`, { createIfMissing: false });
  const cookie = await sessionCookieFor(db);
  // Random cases by rowid: no list of a million ids in memory.
  const { rows } = await sql<{ n: number }>`select max(rowid) as n from cases`.execute(db.kysely);
  const top = Number(rows[0]?.n ?? 0);
  const rowids = Array.from({ length: SAMPLE }, () => 1 + Math.floor(Math.random() * top));
  const found = await db.kysely
    .selectFrom("cases")
    .select("id")
    .where(sql<boolean>`rowid in (${sql.join(rowids)})`)
    .execute();
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
    ids: found.map((r) => r.id).sort(() => Math.random() - 0.5),
  };
  process.send?.(served);
}

interface Latency {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
}

/** One autocannon run; every response's time is kept, so p95 is exact (autocannon has none). */
async function load(served: Served, paths: string[], seconds: number): Promise<Latency> {
  const times: number[] = [];
  let instance: autocannon.Instance | undefined;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: `http://127.0.0.1:${served.port}`,
        connections: CONNECTIONS,
        duration: seconds,
        headers: { cookie: served.cookie },
        requests: paths.map((path) => ({ method: "GET" as const, path })),
      },
      (error, r) => (error ? reject(error) : resolve(r)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => {
      times.push(responseTime);
    });
  });
  void instance;
  times.sort((a, b) => a - b);
  return {
    rps: result.requests.average,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    non2xx: result.non2xx,
  };
}

async function measure(cases: number) {
  const db = await caseDatabase(cases);
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...process.execArgv,
      process.argv[1] as string,
      "case-page",
      `--synchronous=${synchronous}`,
      "--serve",
      db.path,
    ],
    { stdio: ["ignore", "ignore", "inherit", "ipc"] },
  );
  try {
    const served = await new Promise<Served>((resolve, reject) => {
      child.once("message", (m) => resolve(m as Served));
      child.once("exit", (code) => reject(new Error(`server exited ${code}`)));
    });
    const caseReads = served.ids.map((id) => `/api/v1/cases/${id}`);
    const pageOpens = served.ids
      .slice(0, 300)
      .flatMap((id) => [`/api/v1/cases/${id}`, ...PANELS.map((p) => `/api/v1/cases/${id}/${p}`)]);
    await load(served, caseReads, Math.min(3, DURATION_S)); // warm-up: page cache, JIT
    const read = await load(served, caseReads, DURATION_S);
    if (read.non2xx > 0) throw new Error(`${read.non2xx} non-2xx answers to GET /cases/:id`);
    const page = await load(served, pageOpens, Math.max(2, Math.round(DURATION_S / 2)));
    return { cases, db, read, page };
  } finally {
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
  }
}

async function auditVerdict(path: string): Promise<void> {
  const db = openDatabase({ kind: "sqlite", path });
  try {
    await sealAndVerify(db, loadKeyring(`${path}.key`, { createIfMissing: false }));
  } finally {
    await db.close();
  }
}

export async function run(args: string[]): Promise<void> {
  if (args.includes("--synchronous=normal")) synchronous = "normal";
  const serveAt = args.indexOf("--serve");
  if (serveAt >= 0) return serve(args[serveAt + 1] as string);
  const results = [];
  for (const cases of SIZES) results.push(await measure(cases));
  for (const r of results) {
    const label = `${r.cases / 1000}k cases`;
    printFigures(
      `Case page on SQLite (synchronous=${synchronous}), ${label} (${r.db.path}, ${(statSync(r.db.path).size / 2 ** 20).toFixed(0)} MiB), ${CONNECTIONS} connections, ${DURATION_S} s`,
      [
        ...(r.db.built
          ? [{ name: "built: cases/s", value: r.db.built.casesPerSecond, unit: "cases/s" }]
          : []),
        { name: "GET /cases/:id req/s", value: r.read.rps, unit: "req/s" },
        { name: "GET /cases/:id p50", value: r.read.p50, unit: "ms" },
        { name: "GET /cases/:id p95", value: r.read.p95, unit: "ms" },
        { name: "GET /cases/:id p99", value: r.read.p99, unit: "ms" },
        {
          name: `page open (case + ${PANELS.length} panels) req/s`,
          value: r.page.rps,
          unit: "req/s",
        },
        { name: "page open p95 (any of its requests)", value: r.page.p95, unit: "ms" },
        { name: "page open p99", value: r.page.p99, unit: "ms" },
        { name: "page open non-2xx answers", value: r.page.non2xx, unit: "" },
      ],
    );
  }
  const small = results[0];
  const large = results.at(-1);
  if (small && large) {
    process.stdout.write(`\nTargets (${large.cases / 1000}k cases)\n`);
    printRatio("p95 / 50 ms", large.read.p95 / 50, "≤ 1", large.read.p95 <= 50);
    printRatio("p99 / 150 ms", large.read.p99 / 150, "≤ 1", large.read.p99 <= 150);
    const ratio = large.read.p95 / small.read.p95;
    printRatio(`p95 at ${large.cases / 1000}k / at 10k`, ratio, "≤ 1.5", ratio <= 1.5);
  }
  process.stdout.write("\naudit verify\n");
  for (const r of results) {
    process.stdout.write(`  ${r.cases / 1000}k cases:\n`);
    await auditVerdict(r.db.path);
  }
}
