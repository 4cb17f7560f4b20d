import { performance } from "node:perf_hooks";
import { migrateToLatest, openDatabase } from "../src/server/db/database.ts";
import { analyzeDatabase } from "../src/server/db/sqlite-tuning.ts";
import { loadKeyring } from "../src/server/security/keyring.ts";
import { type CaseloadProbe, caseloadDatabase, MY_OPEN_OBLIGATIONS } from "./caseload-data.ts";
import { Server } from "./queues.ts";
import type { BenchRole, ServerInfo } from "./queues-server.ts";
import { type Figure, percentile, printFigures, printRatio } from "./report.ts";

/**
 * `npm run bench -- caseload [10000,100000]`: the caseload's searches and filters and My work
 * (a CPS investigator with 200 open obligations) at two sizes, on one SQLite server.
 *
 * - queries per request of each, at both sizes (must not grow with the rows);
 * - 50 users at once, each sending a request, reading the answer and thinking ~1 s (jittered)
 *   before the next, for BENCH_SECONDS: p95 per request kind against the 50 ms target;
 * - the same 50 users with no think time (a closed loop, the server saturated): throughput and
 *   p95, which on one process is about 50 × the service time, reported, not targeted.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const USERS = 50;
const THINK_MS = 1000;

interface Kind {
  name: string;
  role: BenchRole;
  path: (p: CaseloadProbe, cursor?: string) => string;
}

const KINDS: Kind[] = [
  {
    name: "caseload, statewide, by urgency",
    role: "state_coordinator",
    path: () => "/api/v1/cases",
  },
  { name: "caseload, agency, by urgency", role: "cps_investigator", path: () => "/api/v1/cases" },
  {
    name: "caseload, second page (cursor)",
    role: "state_coordinator",
    path: (_p, cursor) => `/api/v1/cases${cursor ? `?after=${encodeURIComponent(cursor)}` : ""}`,
  },
  {
    name: "filter status=open",
    role: "state_coordinator",
    path: () => "/api/v1/cases?status=open",
  },
  {
    name: "filter county",
    role: "state_coordinator",
    path: (p) => `/api/v1/cases?countyFips=${p.countyFips}`,
  },
  {
    name: "filter determination=labor",
    role: "state_coordinator",
    path: () => "/api/v1/cases?determination=labor",
  },
  {
    name: "filter overdue",
    role: "state_coordinator",
    path: () => "/api/v1/cases?overdue=true",
  },
  {
    name: "filter RAT not formed",
    role: "task_force_lead",
    path: () => "/api/v1/cases?ratNotFormed=true",
  },
  {
    name: "filter assigned to me",
    role: "cps_investigator",
    path: () => "/api/v1/cases?assignedToMe=true",
  },
  {
    name: "search case number",
    role: "state_coordinator",
    path: (p) => `/api/v1/cases?caseNumber=${p.caseNumber}`,
  },
  {
    name: "search name + birth date",
    role: "cps_investigator",
    path: (p) =>
      `/api/v1/cases?${new URLSearchParams({ givenName: p.person.givenName, familyName: p.person.familyName, birthDate: p.person.birthDate })}`,
  },
  {
    name: `my work (${MY_OPEN_OBLIGATIONS} open obligations)`,
    role: "cps_investigator",
    path: () => "/api/v1/me/obligations",
  },
];

async function get(
  info: ServerInfo,
  path: string,
  role: BenchRole,
): Promise<{ ms: number; body: unknown }> {
  const t = performance.now();
  const res = await fetch(`http://127.0.0.1:${info.port}${path}`, {
    headers: { cookie: info.cookies[role] },
  });
  const body = await res.json();
  if (res.status !== 200)
    throw new Error(`${path} as ${role}: ${res.status} ${JSON.stringify(body)}`);
  return { ms: performance.now() - t, body };
}

interface SizeResult {
  queries: Map<string, number>;
  thinking: Map<string, number[]>;
  closedLoop: { perSecond: number; p95: number };
  firstPageRows: Map<string, number>;
}

async function load(
  info: ServerInfo,
  paths: { kind: Kind; path: string }[],
  thinkMs: number,
): Promise<Map<string, number[]>> {
  const times = new Map<string, number[]>(paths.map((p) => [p.kind.name, []]));
  const end = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: USERS }, async (_, u) => {
      // Users start spread over the first think time, not all in the same millisecond.
      if (thinkMs) await new Promise((r) => setTimeout(r, (u * thinkMs) / USERS));
      for (let i = u; performance.now() < end; i++) {
        const p = paths[i % paths.length] as { kind: Kind; path: string };
        const { ms } = await get(info, p.path, p.kind.role);
        times.get(p.kind.name)?.push(ms);
        if (thinkMs) await new Promise((r) => setTimeout(r, thinkMs * (0.5 + Math.random())));
      }
    }),
  );
  for (const t of times.values()) t.sort((a, b) => a - b);
  return times;
}

async function benchSize(cases: number): Promise<SizeResult> {
  const { path, probe } = await caseloadDatabase(cases);
  const run = `${path.replace(/\.db$/, "")}.run.db`;
  const { copyFileSync, rmSync } = await import("node:fs");
  for (const s of ["-wal", "-shm"]) rmSync(`${run}${s}`, { force: true });
  copyFileSync(path, run);
  copyFileSync(`${path}.key`, `${run}.key`);
  const db = openDatabase({ kind: "sqlite", path: run });
  await migrateToLatest(db, loadKeyring(`${run}.key`, { createIfMissing: false }));
  await analyzeDatabase(db);
  await db.close();
  const server = new Server(run);
  const info = await server.start();
  try {
    // The second page needs a cursor from the first.
    const first = (await get(info, "/api/v1/cases", "state_coordinator")).body as {
      nextCursor?: string | null;
    };
    const paths = KINDS.map((kind) => ({
      kind,
      path: kind.path(probe, first.nextCursor ?? undefined),
    }));
    const queries = new Map<string, number>();
    const firstPageRows = new Map<string, number>();
    for (const { kind, path: p } of paths) {
      await get(info, p, kind.role); // warm-up (and the session's last-use refresh)
      const before = await server.statements();
      const { body } = await get(info, p, kind.role);
      queries.set(kind.name, (await server.statements()) - before);
      const rows =
        (body as { cases?: unknown[]; obligations?: unknown[] }).cases ??
        (body as { obligations?: unknown[] }).obligations ??
        [];
      firstPageRows.set(kind.name, rows.length);
    }
    const thinking = await load(info, paths, THINK_MS);
    const started = performance.now();
    const closed = await load(info, paths, 0);
    const all = [...closed.values()].flat().sort((a, b) => a - b);
    return {
      queries,
      thinking,
      firstPageRows,
      closedLoop: {
        perSecond: all.length / ((performance.now() - started) / 1000),
        p95: percentile(all, 95),
      },
    };
  } finally {
    server.stop();
  }
}

export async function run(args: string[]): Promise<void> {
  const [small, large] = (args[0] ?? "10000,100000").split(",").map(Number) as [number, number];
  const a = await benchSize(small);
  const b = await benchSize(large);
  for (const [size, r] of [
    [small, a],
    [large, b],
  ] as const) {
    const figures: Figure[] = KINDS.map((k) => {
      const t = r.thinking.get(k.name) ?? [];
      return {
        name: k.name,
        value: percentile(t, 95),
        unit: `ms p95  (p50 ${percentile(t, 50).toFixed(1)}, ${t.length} req, ${r.queries.get(k.name)} queries, ${r.firstPageRows.get(k.name)} rows)`,
      };
    });
    printFigures(`${size} cases, ${USERS} users thinking ~${THINK_MS} ms, ${SECONDS} s`, figures);
    printFigures(`${size} cases, ${USERS} users, no think time (saturated)`, [
      { name: "requests per second", value: r.closedLoop.perSecond, unit: "req/s" },
      { name: "p95, all kinds", value: r.closedLoop.p95, unit: "ms" },
    ]);
  }
  process.stdout.write("\n  targets\n");
  for (const k of KINDS) {
    const p95 = percentile(b.thinking.get(k.name) ?? [], 95);
    printRatio(`${k.name} p95 ${large} / 50 ms`, p95 / 50, "≤ 1", p95 <= 50);
    const [qa, qb] = [a.queries.get(k.name), b.queries.get(k.name)];
    process.stdout.write(
      `  ${k.name.padEnd(44)} queries ${qa} at ${small}, ${qb} at ${large}: ${qa === qb ? "constant" : "NOT constant"}\n`,
    );
  }
}
