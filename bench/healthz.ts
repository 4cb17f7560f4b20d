import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { printFigures, printRatio } from "./report.ts";

const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = 20;

/** Child-process mode: serve, print the port, wait to be killed. */
async function serve(kind: string): Promise<void> {
  if (kind === "bare") {
    const body = JSON.stringify({ status: "ok" });
    const server = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
      res.end(body);
    });
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      process.stdout.write(`${typeof address === "object" && address ? address.port : 0}\n`);
    });
    return;
  }
  const { buildApp } = await import("../src/server/app.ts");
  const { openDatabase, migrateToLatest } = await import("../src/server/db/database.ts");
  const { systemClock } = await import("../src/server/clock.ts");
  const dir = mkdtempSync(join(tmpdir(), "waypoint-bench-"));
  const db = openDatabase({ kind: "sqlite", path: join(dir, "bench.db") });
  await migrateToLatest(db);
  const app = await buildApp({
    config: { logLevel: process.env.LOG_LEVEL ?? "info", env: "production" },
    db,
    clock: systemClock,
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  process.stdout.write(`${typeof address === "object" && address ? address.port : 0}\n`);
}

function startServer(
  kind: string,
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; port: number }> {
  // Re-run this same program (bundled or under tsx) in serve mode.
  const entry = [...process.execArgv, process.argv[1] as string];
  const child = spawn(process.execPath, [...entry, "healthz", "--serve", kind], {
    stdio: ["ignore", "pipe", "ignore"],
    env: { ...process.env, ...env },
  });
  return new Promise((resolve, reject) => {
    child.stdout?.once("data", (chunk: Buffer) =>
      resolve({ child, port: Number(String(chunk).trim()) }),
    );
    child.once("exit", (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
}

async function load(port: number): Promise<number> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/healthz`,
    connections: CONNECTIONS,
    duration: DURATION_S,
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

async function measure(kind: string, env: Record<string, string> = {}): Promise<number> {
  const { child, port } = await startServer(kind, env);
  try {
    await load(port); // warm-up: JIT and connection set-up
    return await load(port);
  } finally {
    child.kill("SIGKILL");
  }
}

export async function run(args: string[]): Promise<void> {
  const serveIndex = args.indexOf("--serve");
  if (serveIndex >= 0) return serve(args[serveIndex + 1] ?? "bare");
  const bare = await measure("bare");
  const quiet = await measure("waypoint", { LOG_LEVEL: "warn" });
  const logged = await measure("waypoint", { LOG_LEVEL: "info" });
  printFigures(
    `GET /healthz, ${CONNECTIONS} connections, ${DURATION_S} s after a warm-up (req/s)`,
    [
      { name: "bare node:http", value: bare, unit: "req/s" },
      { name: "Waypoint (Fastify, LOG_LEVEL=warn)", value: quiet, unit: "req/s" },
      { name: "Waypoint (Fastify, LOG_LEVEL=info)", value: logged, unit: "req/s" },
    ],
  );
  printRatio("Waypoint/bare (warn)", quiet / bare, "≥ 0.90", quiet / bare >= 0.9);
  printRatio(
    "Waypoint/bare (info, a log line per request)",
    logged / bare,
    "≥ 0.90",
    logged / bare >= 0.9,
  );
}
