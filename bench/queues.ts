import { type ChildProcess, spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import { migrateToLatest, openDatabase } from "../src/server/db/database.ts";
import { loadKeyring } from "../src/server/security/keyring.ts";
import { sealAndVerify } from "./audit-after-run.ts";
import { queuesDatabase } from "./queues-data.ts";
import { type BenchRole, type ServerInfo, serveQueues } from "./queues-server.ts";
import { type Figure, percentile, printFigures, printRatio } from "./report.ts";

/**
 * Every list and queue, per role that has it, at two database sizes, one client: p50/p95 per
 * route, p95(large)/p95(small) against the 1.5 target, queries per request, and /healthz while
 * the statewide open-cases queue runs (better-sqlite3 runs queries on the event loop, so a long
 * query stalls every request). `npm run bench -- queues [10000,100000]`.
 */
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 40);
/** Per route: stop early after this long (the old open-cases queue took minutes at 100k). */
const ROUTE_BUDGET_MS = Number(process.env.BENCH_ROUTE_SECONDS ?? 15) * 1000;
/** A request slower than this is reported as timed out and the server restarted. */
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_SECONDS ?? 120) * 1000;

const ROUTES: { name: string; path: string; roles: BenchRole[] }[] = [
  {
    name: "my work",
    path: "/api/v1/me/obligations",
    roles: [
      "cps_investigator",
      "ht_investigator",
      "victim_advocate",
      "medical",
      "screener",
      "task_force_lead",
      "state_coordinator",
    ],
  },
  {
    name: "case list",
    path: "/api/v1/cases",
    // team, agency, agency with its task force's teams, statewide
    roles: ["ht_investigator", "cps_investigator", "task_force_lead", "state_coordinator"],
  },
  {
    name: "overdue",
    path: "/api/v1/queues/overdue",
    roles: ["task_force_lead", "state_coordinator"],
  },
  {
    name: "open cases",
    path: "/api/v1/queues/open-cases",
    roles: ["cps_investigator", "task_force_lead", "state_coordinator"],
  },
];

interface Measured {
  times: number[];
  timedOut: boolean;
  queries: number;
}

export class Server {
  child: ChildProcess | null = null;
  info: ServerInfo | null = null;
  constructor(private readonly path: string) {}
  async start(): Promise<ServerInfo> {
    const child = spawn(
      process.execPath,
      [...process.execArgv, process.argv[1] as string, "queues", "--serve", this.path],
      { stdio: ["ignore", "ignore", "inherit", "ipc"] },
    );
    this.child = child;
    this.info = await new Promise<ServerInfo>((resolve, reject) => {
      child.once("message", (m) => resolve(m as ServerInfo));
      child.once("exit", (code) => reject(new Error(`server exited ${code}`)));
    });
    return this.info;
  }
  statements(): Promise<number> {
    const child = this.child as ChildProcess;
    return new Promise((resolve) => {
      child.once("message", (m) => resolve((m as { statements: number }).statements));
      child.send("count");
    });
  }
  stop(): void {
    this.child?.kill("SIGKILL");
  }
}

async function get(info: ServerInfo, path: string, role?: BenchRole): Promise<number> {
  const t = performance.now();
  const res = await fetch(`http://127.0.0.1:${info.port}${path}`, {
    headers: role ? { cookie: info.cookies[role] } : {},
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${path} as ${role}: ${res.status}`);
  return performance.now() - t;
}

/** One route as one role: queries of one request, then timed requests within the budget. */
async function measure(server: Server, path: string, role: BenchRole): Promise<Measured> {
  const info = server.info as ServerInfo;
  const times: number[] = [];
  try {
    const first = await get(info, path, role); // warm-up; kept if it used up the budget
    if (first > ROUTE_BUDGET_MS) return { times: [first], timedOut: false, queries: Number.NaN };
    // Counted on the second request: the first may also refresh the session's last use.
    const before = await server.statements();
    times.push(await get(info, path, role));
    const queries = (await server.statements()) - before;
    const start = performance.now();
    while (times.length < REQUESTS && performance.now() - start < ROUTE_BUDGET_MS)
      times.push(await get(info, path, role));
    return { times: times.sort((a, b) => a - b), timedOut: false, queries };
  } catch (e) {
    if (!(e instanceof Error) || e.name !== "TimeoutError") throw e;
    server.stop(); // the server is still inside the query: start a fresh one
    await server.start();
    return { times: [TIMEOUT_MS], timedOut: true, queries: Number.NaN };
  }
}

/** /healthz answered again and again while the statewide open-cases queue is being read. */
async function stall(server: Server): Promise<{ queue: number; healthzMax: number }> {
  const info = server.info as ServerInfo;
  let done = false;
  let healthzMax = 0;
  const started = performance.now();
  const queue = get(info, "/api/v1/queues/open-cases", "state_coordinator").finally(() => {
    done = true;
  });
  const polls = (async () => {
    while (!done) {
      healthzMax = Math.max(healthzMax, await get(info, "/healthz").catch(() => TIMEOUT_MS));
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  const ms = await queue.catch(() => performance.now() - started);
  await polls;
  return { queue: ms, healthzMax };
}

async function benchSize(cases: number) {
  const path = await queuesDatabase(cases);
  const db = openDatabase({ kind: "sqlite", path });
  // The sealing migration (2026120201) signs the rows of a database built before it.
  await migrateToLatest(db, loadKeyring(`${path}.key`, { createIfMissing: false }));
  // The statistics the server plans with (absent on trees without the tuning module).
  const tuning = await import("../src/server/db/sqlite-tuning.ts").catch(() => null);
  await tuning?.analyzeDatabase(db);
  await db.close();
  const server = new Server(path);
  await server.start();
  const results = new Map<string, Measured>();
  try {
    for (const route of ROUTES)
      for (const role of route.roles)
        results.set(`${route.name} (${role})`, await measure(server, route.path, role));
    const healthz: number[] = [];
    for (let i = 0; i < 200; i++) healthz.push(await get(server.info as ServerInfo, "/healthz"));
    const during = await stall(server);
    return {
      results,
      healthzAlone: percentile(
        healthz.sort((a, b) => a - b),
        95,
      ),
      during,
    };
  } finally {
    server.stop();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const after = openDatabase({ kind: "sqlite", path });
    await sealAndVerify(after, loadKeyring(`${path}.key`, { createIfMissing: false }));
    await after.close();
  }
}

export async function run(args: string[]): Promise<void> {
  const serveAt = args.indexOf("--serve");
  if (serveAt >= 0) return serveQueues(args[serveAt + 1] as string);
  const [small, large] = (args[0] ?? "10000,100000").split(",").map(Number) as [number, number];
  const a = await benchSize(small);
  const b = await benchSize(large);
  const figures: Figure[] = [];
  const fmt = (m: Measured) =>
    m.timedOut ? "timed out" : `${m.times.length} req, ${m.queries} queries`;
  for (const [name, m] of a.results) {
    const n = b.results.get(name) as Measured;
    const [p50a, p95a, p50b, p95b] = [
      percentile(m.times, 50),
      percentile(m.times, 95),
      percentile(n.times, 50),
      percentile(n.times, 95),
    ];
    figures.push({
      name: `${name} p50 ${small}`,
      value: p50a,
      unit: `ms  p95 ${p95a.toFixed(1)} ms (${fmt(m)})`,
    });
    figures.push({
      name: `${name} p50 ${large}`,
      value: p50b,
      unit: `ms  p95 ${p95b.toFixed(1)} ms (${fmt(n)})`,
    });
  }
  printFigures(`Lists and queues, one client (ms; ${small} vs ${large} cases)`, figures);
  process.stdout.write("\n  ratios and targets\n");
  for (const [name, m] of a.results) {
    const n = b.results.get(name) as Measured;
    const ratio = percentile(n.times, 95) / percentile(m.times, 95);
    printRatio(`${name} p95 ${large}/${small}`, ratio, "≤ 1.5", ratio <= 1.5);
    printRatio(
      `${name} p95 ${large} / 20 ms`,
      percentile(n.times, 95) / 20,
      "≤ 1",
      percentile(n.times, 95) <= 20,
    );
    if (m.queries !== n.queries)
      process.stdout.write(
        `  ${name}: queries per request ${m.queries} → ${n.queries} (NOT constant)\n`,
      );
  }
  for (const [size, r] of [
    [small, a],
    [large, b],
  ] as const)
    printFigures(`/healthz at ${size} cases (ms)`, [
      { name: "p95 alone", value: r.healthzAlone, unit: "ms" },
      { name: "open cases (statewide) while polling", value: r.during.queue, unit: "ms" },
      { name: "slowest /healthz during it", value: r.during.healthzMax, unit: "ms" },
    ]);
}
