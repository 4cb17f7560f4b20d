import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { intakeInput } from "../src/contract/intake/inputs.ts";
import { systemClock } from "../src/server/clock.ts";
import type { SqliteSynchronous } from "../src/server/config.ts";
import { migrateToLatest, openDatabase } from "../src/server/db/database.ts";
import { MIGRATIONS } from "../src/server/db/migrations/index.ts";
import { seedDemo } from "../src/server/demo/seed-demo.ts";
import { loadKeyring } from "../src/server/security/keyring.ts";
import { takeIntake } from "../src/server/use-cases/intake/take-intake.ts";
import { percentile, printFigures, printRatio } from "./report.ts";
import { sessionCookieFor } from "./sessions.ts";

const INTAKES = Number(process.env.BENCH_INTAKES ?? 2000);
const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
/** `--synchronous=normal` measures SQLite without the per-commit fsync (docs/decisions/0004). */
let synchronous: SqliteSynchronous = "full";

/** Intake latency: case + people + assessment + obligations + jobs + audit, one transaction. */
async function intakeLatency(): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), "waypoint-bench-intake-"));
  const db = openDatabase({ kind: "sqlite", path: join(dir, "intake.db"), synchronous });
  await migrateToLatest(db);
  const keyring = loadKeyring(join(dir, "k.key"), { createIfMissing: true });
  const ctx = { db, clock: systemClock, keyring };
  const seeded = await seedDemo(db, systemClock, { cases: 0, production: false, keyring });
  void seeded;
  const m = await db.kysely
    .selectFrom("memberships")
    .innerJoin("agencies", "agencies.id", "memberships.agency_id")
    .select(["memberships.user_id", "memberships.id", "memberships.agency_id", "agencies.kind"])
    .where("memberships.role", "=", "cps_investigator")
    .executeTakeFirstOrThrow();
  const actor = {
    userId: m.user_id,
    membershipId: m.id,
    agencyId: m.agency_id,
    agencyKind: m.kind,
    role: "cps_investigator" as const,
    via: "session" as const,
    clientIp: null,
  };
  const body = {
    source: "cps_hotline" as const,
    countyFips: "28049",
    persons: [
      { part: "victim" as const, givenName: "Bench", familyName: "Person", ageYears: 15 },
      { part: "suspected_trafficker" as const, givenName: "Other" },
    ],
    facts: {
      subject: { age: 15 },
      sex: { act: true, valueExchanged: true },
      context: { crossesStateLines: true },
    },
  };
  for (let i = 0; i < 100; i++) await takeIntake(ctx, actor, intakeInput.parse(body)); // warm-up
  const times: number[] = [];
  for (let i = 0; i < INTAKES; i++) {
    const t = performance.now();
    await takeIntake(ctx, actor, intakeInput.parse(body)); // parsed as the route does
    times.push(performance.now() - t);
  }
  await db.close();
  rmSync(dir, { recursive: true, force: true });
  return times.sort((a, b) => a - b);
}

/** Child mode: serve a database with a coordinator session; report port, cookie and case ids. */
async function serve(path: string): Promise<void> {
  const { buildApp } = await import("../src/server/app.ts");
  const db = openDatabase({ kind: "sqlite", path, synchronous });
  const keyring = loadKeyring(`${path}.key`, { createIfMissing: false });
  const cookie = await sessionCookieFor(db);
  const ids = (await db.kysely.selectFrom("cases").select("id").execute()).map((r) => r.id);
  const app = await buildApp({
    config: { logLevel: "warn", env: "production" },
    ctx: { db, clock: systemClock, keyring },
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const sample = Array.from({ length: 2000 }, () => ids[Math.floor(Math.random() * ids.length)]);
  process.send?.({
    port: typeof address === "object" && address ? address.port : 0,
    cookie,
    ids: sample,
  });
}

async function benchDatabase(cases: number): Promise<string> {
  const path = join(
    process.cwd(),
    "data",
    `bench-read-${cases}-${Object.keys(MIGRATIONS).at(-1)}.db`,
  );
  if (existsSync(path)) return path;
  const db = openDatabase({ kind: "sqlite", path });
  await migrateToLatest(db);
  const keyring = loadKeyring(`${path}.key`, { createIfMissing: true });
  await seedDemo(db, systemClock, {
    cases,
    production: false,
    seed: 11,
    keyring,
    onProgress: (d, t) => d === t && process.stderr.write(`built ${t}-case database\n`),
  });
  await db.close();
  return path;
}

async function caseReadLatency(
  cases: number,
): Promise<{ p50: number; p90: number; p97_5: number; rps: number }> {
  const path = await benchDatabase(cases);
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...process.execArgv,
      process.argv[1] as string,
      "intake",
      `--synchronous=${synchronous}`,
      "--serve",
      path,
    ],
    {
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    },
  );
  try {
    const info = await new Promise<{ port: number; cookie: string; ids: string[] }>(
      (resolve, reject) => {
        child.once("message", (m) => resolve(m as never));
        child.once("exit", (code) => reject(new Error(`server exited ${code}`)));
      },
    );
    const requests = info.ids.map((id) => ({
      method: "GET" as const,
      path: `/api/v1/cases/${id}`,
    }));
    const run = () =>
      autocannon({
        url: `http://127.0.0.1:${info.port}`,
        connections: CONNECTIONS,
        duration: DURATION_S,
        headers: { cookie: info.cookie },
        requests,
      });
    await run();
    const r = await run();
    if (r.non2xx > 0) throw new Error(`${r.non2xx} non-2xx answers`);
    return {
      p50: r.latency.p50,
      p90: r.latency.p90,
      p97_5: r.latency.p97_5,
      rps: r.requests.average,
    };
  } finally {
    child.kill("SIGKILL");
  }
}

export async function run(args: string[]): Promise<void> {
  if (args.includes("--synchronous=normal")) synchronous = "normal";
  const serveAt = args.indexOf("--serve");
  if (serveAt >= 0) return serve(args[serveAt + 1] as string);
  const times = await intakeLatency();
  printFigures(
    `Intake on SQLite (synchronous=${synchronous}), ${INTAKES} sequential (case, 2 people, assessment, obligations, jobs, audit)`,
    [
      { name: "p50", value: percentile(times, 50), unit: "ms" },
      { name: "p95", value: percentile(times, 95), unit: "ms" },
      { name: "p99", value: percentile(times, 99), unit: "ms" },
    ],
  );
  printRatio("p99 / 5 ms", percentile(times, 99) / 5, "≤ 1", percentile(times, 99) <= 5);
  const small = await caseReadLatency(1000);
  const large = await caseReadLatency(100_000);
  printFigures(
    `GET /api/v1/cases/:id (synchronous=${synchronous}), ${CONNECTIONS} connections, ${DURATION_S} s (ms; autocannon reports p90 and p97.5, p95 lies between)`,
    [
      {
        name: "1k cases: p50 / p90 / p97.5",
        value: small.p50,
        unit: `/ ${small.p90} / ${small.p97_5} ms`,
      },
      { name: "1k cases: req/s", value: small.rps, unit: "req/s" },
      {
        name: "100k cases: p50 / p90 / p97.5",
        value: large.p50,
        unit: `/ ${large.p90} / ${large.p97_5} ms`,
      },
      { name: "100k cases: req/s", value: large.rps, unit: "req/s" },
    ],
  );
  printRatio("100k p97.5 / 50 ms (bounds p95)", large.p97_5 / 50, "≤ 1", large.p97_5 <= 50);
  printRatio(
    "p97.5 at 100k / at 1k",
    large.p97_5 / small.p97_5,
    "≤ 1.5",
    large.p97_5 / small.p97_5 <= 1.5,
  );
}
