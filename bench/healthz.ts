import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { printFigures, printRatio } from "./report.ts";

const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = 20;

/** Child-process mode: serve, report the port over IPC, answer CPU-time queries. */
async function serve(kind: string): Promise<void> {
  process.on("message", (m) => {
    if (m === "cpu") process.send?.({ cpu: process.cpuUsage() });
  });
  if (kind.startsWith("bare")) {
    const body = JSON.stringify({ status: "ok" });
    // "bare": what Waypoint's /healthz sends (its security headers, a Content-Length, the same
    // keep-alive timeout), computed once, as a hand-written server would. Any server facing the
    // public sends those headers, so they are no framework cost. "bare-minimal": the content
    // type only, the comparison this benchmark made before.
    const { securityHeaderSets } = await import("../src/server/http/security-headers.ts");
    const headers =
      kind === "bare"
        ? {
            "content-type": "application/json; charset=utf-8",
            ...securityHeaderSets({ hsts: true }).page,
            "content-length": String(Buffer.byteLength(body)),
          }
        : { "content-type": "application/json; charset=utf-8" };
    const server = createServer((_req, res) => {
      res.writeHead(200, headers);
      res.end(body);
    });
    if (kind === "bare") server.keepAliveTimeout = 72_000; // Fastify's default
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      process.send?.({ port: typeof address === "object" && address ? address.port : 0 });
    });
    return;
  }
  const { buildApp } = await import("../src/server/app.ts");
  const { openDatabase, migrateToLatest } = await import("../src/server/db/database.ts");
  const { systemClock } = await import("../src/server/clock.ts");
  const { Keyring, newKeyFile } = await import("../src/server/security/keyring.ts");
  const dir = mkdtempSync(join(tmpdir(), "waypoint-bench-"));
  const db = openDatabase({ kind: "sqlite", path: join(dir, "bench.db") });
  await migrateToLatest(db);
  const app = await buildApp({
    config: { logLevel: process.env.LOG_LEVEL ?? "info", env: "production" },
    ctx: { db, clock: systemClock, keyring: new Keyring(newKeyFile()) },
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  process.send?.({ port: typeof address === "object" && address ? address.port : 0 });
}

interface Server {
  child: ChildProcess;
  port: number;
  cpuMicros(): Promise<number>;
}

function startServer(kind: string, env: Record<string, string> = {}): Promise<Server> {
  // Re-run this same program (bundled or under tsx) in serve mode.
  const entry = [...process.execArgv, process.argv[1] as string];
  const child = spawn(process.execPath, [...entry, "healthz", "--serve", kind], {
    // stdout is not piped: a full pipe would throttle the server's logging, not measure it.
    stdio: ["ignore", "ignore", "inherit", "ipc"],
    env: { ...process.env, ...env },
  });
  const cpuMicros = () =>
    new Promise<number>((resolve) => {
      const onMessage = (m: { cpu?: NodeJS.CpuUsage }) => {
        if (!m.cpu) return;
        child.off("message", onMessage);
        resolve(m.cpu.user + m.cpu.system);
      };
      child.on("message", onMessage);
      child.send("cpu");
    });
  return new Promise((resolve, reject) => {
    child.once("message", (m: { port: number }) => resolve({ child, port: m.port, cpuMicros }));
    child.once("exit", (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
}

interface Measurement {
  reqPerSec: number;
  /** Server CPU time per request: the server's own cost, whatever limits the load generator. */
  cpuMicrosPerRequest: number;
}

async function load(server: Server): Promise<Measurement> {
  const cpuBefore = await server.cpuMicros();
  const result = await autocannon({
    url: `http://127.0.0.1:${server.port}/healthz`,
    connections: CONNECTIONS,
    duration: DURATION_S,
  });
  const cpuAfter = await server.cpuMicros();
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${result.non2xx} non-2xx, ${result.errors} errors`);
  }
  return {
    reqPerSec: result.requests.average,
    cpuMicrosPerRequest: (cpuAfter - cpuBefore) / result.requests.total,
  };
}

async function measure(kind: string, env: Record<string, string> = {}): Promise<Measurement> {
  const server = await startServer(kind, env);
  try {
    await load(server); // warm-up: JIT and connection set-up
    return await load(server);
  } finally {
    server.child.kill("SIGKILL");
  }
}

export async function run(args: string[]): Promise<void> {
  const serveIndex = args.indexOf("--serve");
  if (serveIndex >= 0) return serve(args[serveIndex + 1] ?? "bare");
  const minimal = await measure("bare-minimal");
  const bare = await measure("bare");
  const quiet = await measure("waypoint", { LOG_LEVEL: "warn" });
  const logged = await measure("waypoint", { LOG_LEVEL: "info" });
  printFigures(`GET /healthz, ${CONNECTIONS} connections, ${DURATION_S} s after a warm-up`, [
    { name: "bare node:http, content type only", value: minimal.reqPerSec, unit: "req/s" },
    { name: "bare node:http, Waypoint's headers", value: bare.reqPerSec, unit: "req/s" },
    { name: "Waypoint, LOG_LEVEL=warn", value: quiet.reqPerSec, unit: "req/s" },
    { name: "Waypoint, LOG_LEVEL=info (a line a request)", value: logged.reqPerSec, unit: "req/s" },
    {
      name: "bare content type only, server CPU",
      value: minimal.cpuMicrosPerRequest,
      unit: "µs/req",
    },
    {
      name: "bare Waypoint's headers, server CPU",
      value: bare.cpuMicrosPerRequest,
      unit: "µs/req",
    },
    { name: "Waypoint warn, server CPU", value: quiet.cpuMicrosPerRequest, unit: "µs/req" },
    { name: "Waypoint info, server CPU", value: logged.cpuMicrosPerRequest, unit: "µs/req" },
  ]);
  // Against the bare server sending the same headers; the content-type-only figures show what
  // the headers themselves cost.
  const ratio = (m: Measurement) => m.reqPerSec / bare.reqPerSec;
  const cpuRatio = (m: Measurement) => bare.cpuMicrosPerRequest / m.cpuMicrosPerRequest;
  printRatio("req/s ratio, warn", ratio(quiet), "≥ 0.90", ratio(quiet) >= 0.9);
  printRatio("req/s ratio, info", ratio(logged), "≥ 0.90", ratio(logged) >= 0.9);
  printRatio(
    "CPU-bound ratio (bare µs / Waypoint µs), warn",
    cpuRatio(quiet),
    "≥ 0.90",
    cpuRatio(quiet) >= 0.9,
  );
  printRatio("CPU-bound ratio, info", cpuRatio(logged), "≥ 0.90", cpuRatio(logged) >= 0.9);
  const minimalRatio = quiet.reqPerSec / minimal.reqPerSec;
  printRatio(
    "req/s ratio, warn, vs content type only",
    minimalRatio,
    "≥ 0.90",
    minimalRatio >= 0.9,
  );
}
