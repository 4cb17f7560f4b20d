import { fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { appendAudit } from "../src/server/audit/audit-log.ts";
import { sealAll, unsealedBacklog } from "../src/server/audit/audit-sealer.ts";
import { startAuditSealer } from "../src/server/audit/audit-sealer-loop.ts";
import { verifyAuditChain } from "../src/server/audit/audit-verify.ts";
import { sealSignerFor } from "../src/server/audit/seal-signature.ts";
import { systemClock } from "../src/server/clock.ts";
import { parseDatabaseUrl } from "../src/server/config.ts";
import { type Db, migrateToLatest, openDatabase } from "../src/server/db/database.ts";
import { Keyring, newKeyFile } from "../src/server/security/keyring.ts";
import { percentile, printFigures, printRatio } from "./report.ts";

/**
 * The audit sealer under load: two appender processes (as two servers) of 16 concurrent requests
 * each append audit rows (one row per transaction, as an audited read does) at a steady rate
 * while a sealer runs in this process; the lag (age
 * of the oldest unsealed row) is sampled every 50 ms. Then `audit verify` must be green. Also
 * the append rate flat out with and without the sealer running, so its cost shows as a ratio.
 * `npm run bench -- sealer [sqlite|postgres]` (both by default); BENCH_DURATION (s), BENCH_RATE
 * (appends/s).
 */
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const RATE = Number(process.env.BENCH_RATE ?? 1000);
const CLIENTS = 16;
const PG_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

const ctx = {
  actor: { userId: "bench", agencyId: "a1", role: "cps_investigator" },
  clientIp: "10.0.0.9",
  clock: systemClock,
};

async function freshDatabase(dialect: "sqlite" | "postgres") {
  if (dialect === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "waypoint-bench-sealer-"));
    const url = `sqlite:${join(dir, "sealer.db")}`;
    const db = openDatabase(parseDatabaseUrl(url));
    await migrateToLatest(db);
    return { db, url, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `wp_bench_sealer_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`drop schema if exists ${schema} cascade; create schema ${schema}`);
  const url = new URL(PG_URL);
  url.searchParams.set("options", `-c search_path=${schema}`);
  const db = openDatabase({ kind: "postgres", connectionString: url.toString() }, { poolSize: 20 });
  await migrateToLatest(db);
  return {
    db,
    url: url.toString(),
    dispose: async () => {
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    },
  };
}

/**
 * PostgreSQL: appender processes, as several servers. SQLite: the appenders run in this process
 * beside the sealer, as one server's requests and its sealer share one connection (several
 * processes writing one file take turns through SQLite's busy wait, which is not fair).
 */
const PROCESSES = 2;

interface Appended {
  appended: number;
  failed: number;
}

/** CLIENTS loops appending one row a transaction until `untilMs`, paced to `rate` if set. */
async function appendLoops(db: Db, untilMs: number, rate: number | null): Promise<Appended> {
  const done = { appended: 0, failed: 0 };
  const interval = rate === null ? 0 : (1000 * CLIENTS) / rate;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, i) => {
      let next = Date.now() + (interval * i) / CLIENTS;
      while (Date.now() < untilMs) {
        // Each request arrives as I/O does (a macrotask), never chained onto the previous
        // commit: the server's sealer and timers get their turn as they would under real load.
        const wait = rate === null ? 0 : next - Date.now();
        await new Promise((resolve) =>
          wait > 0 ? setTimeout(resolve, wait) : setImmediate(resolve),
        );
        next += interval;
        try {
          await db.kysely
            .transaction()
            .execute((trx) =>
              appendAudit(trx, ctx, [
                { action: "case.read", recordType: "case", recordId: `c${i}`, outcome: "allowed" },
              ]),
            );
          done.appended += 1;
        } catch {
          done.failed += 1;
        }
      }
    }),
  );
  return done;
}

/** Child mode: once told when to stop, append to URL. */
async function appendChild(url: string, rate: number | null): Promise<void> {
  const db = openDatabase(parseDatabaseUrl(url), { poolSize: CLIENTS });
  const untilMs = await new Promise<number>((resolve) => {
    process.once("message", (m) => resolve(Number(m)));
    process.send?.("ready");
  });
  const done = await appendLoops(db, untilMs, rate);
  await db.close();
  process.send?.(done);
}

let failedAppends = 0;

async function append(db: Db, url: string, seconds: number, rate: number | null) {
  if (db.dialect === "sqlite") {
    const done = await appendLoops(db, Date.now() + seconds * 1000, rate);
    failedAppends += done.failed;
    return done.appended;
  }
  const perProcess = rate === null ? "flat" : String(rate / PROCESSES);
  const children = Array.from({ length: PROCESSES }, () =>
    fork(process.argv[1] as string, ["sealer", "--append", url, perProcess], {
      execArgv: process.execArgv,
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    }),
  );
  await Promise.all(children.map((c) => new Promise((resolve) => c.once("message", resolve))));
  const untilMs = Date.now() + seconds * 1000;
  const counts = children.map(
    (child) =>
      new Promise<Appended>((resolve, reject) => {
        child.once("message", (m) => resolve(m as Appended));
        child.once("exit", (code) => code !== 0 && reject(new Error(`appender exited ${code}`)));
      }),
  );
  for (const child of children) child.send(untilMs);
  const done = await Promise.all(counts);
  failedAppends += done.reduce((n, d) => n + d.failed, 0);
  return done.reduce((n, d) => n + d.appended, 0);
}

async function benchDialect(dialect: "sqlite" | "postgres"): Promise<void> {
  const { db, url, dispose } = await freshDatabase(dialect);
  failedAppends = 0;
  // The lag is sampled on a connection of its own, as a monitoring scrape would be.
  const probe = openDatabase(parseDatabaseUrl(url), { poolSize: 1 });
  const keyring = new Keyring(newKeyFile());
  const appCtx = { db, clock: systemClock, keyring };
  try {
    const flatOutS = Math.max(2, DURATION_S / 4);
    const bare = await append(db, url, flatOutS, null);
    await sealAll(db, keyring, systemClock);
    let sealer = startAuditSealer(appCtx);
    const withSealer = await append(db, url, flatOutS, null);
    await sealer.stop();
    await sealAll(db, keyring, systemClock);

    const sealedBefore = await sealedRows(db);
    sealer = startAuditSealer(appCtx);
    const lags: number[] = [];
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const backlog = await unsealedBacklog(probe.kysely);
        lags.push(backlog.oldestAt === null ? 0 : Date.now() - Date.parse(backlog.oldestAt));
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const start = performance.now();
    const steady = await append(db, url, DURATION_S, RATE);
    const elapsedS = (performance.now() - start) / 1000;
    sampling = false;
    await sampler;
    await sealer.stop();
    const sealedInRun = (await sealedRows(db)) - sealedBefore;
    await sealAll(db, keyring, systemClock);
    const verifyStart = performance.now();
    const verdict = await verifyAuditChain(db.kysely, sealSignerFor(keyring));
    const verifyS = (performance.now() - verifyStart) / 1000;
    lags.sort((a, b) => a - b);
    const p99 = percentile(lags, 99) / 1000;
    printFigures(
      `audit sealer, ${dialect}, ${dialect === "sqlite" ? 1 : PROCESSES}×${CLIENTS} clients, target ${RATE} appends/s`,
      [
        { name: "appends/s flat out, no sealer", value: bare / flatOutS, unit: "tx/s" },
        { name: "appends/s flat out, sealer running", value: withSealer / flatOutS, unit: "tx/s" },
        { name: "appends/s steady (achieved)", value: steady / elapsedS, unit: "tx/s" },
        {
          name: "rows sealed/s during the steady run",
          value: sealedInRun / elapsedS,
          unit: "rows/s",
        },
        { name: "sealer lag p50", value: percentile(lags, 50), unit: "ms" },
        { name: "sealer lag p99", value: p99 * 1000, unit: "ms" },
        { name: "sealer lag max", value: lags.at(-1) ?? 0, unit: "ms" },
        { name: "lag samples", value: lags.length, unit: "" },
        { name: "appends failed (busy)", value: failedAppends, unit: "" },
        {
          name: "verify: sealed rows, batch heads",
          value: verdict.ok ? verdict.sealed : -1,
          unit: verdict.ok ? `rows, ${verdict.batches} batches` : "",
        },
        { name: "verify time", value: verifyS, unit: "s" },
      ],
    );
    printRatio(
      "appends/s with sealer ÷ without",
      withSealer / bare,
      "≥ 0.9",
      withSealer / bare >= 0.9,
    );
    printRatio("sealer lag p99 ÷ 1 s", p99, "≤ 1", p99 <= 1);
    process.stdout.write(
      `  audit verify: ${verdict.ok ? `green (${verdict.unsealed} unsealed)` : `BROKEN at ${verdict.seq}: ${verdict.problem}`}\n`,
    );
  } finally {
    await probe.close();
    await db.close();
    await dispose();
  }
}

async function sealedRows(db: Db): Promise<number> {
  const row = await db.kysely
    .selectFrom("audit_log")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("chain_seq", "is not", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function run(args: string[]): Promise<void> {
  if (args[0] === "--append")
    return appendChild(args[1] as string, args[2] === "flat" ? null : Number(args[2]));
  const dialects = args.length > 0 ? args : ["sqlite", "postgres"];
  for (const d of dialects) {
    if (d !== "sqlite" && d !== "postgres") throw new Error(`unknown database ${d}`);
    await benchDialect(d);
  }
}
