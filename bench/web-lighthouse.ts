import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface LighthouseFigure {
  page: string;
  lcpMs: number;
  tbtMs: number;
  accessibility: number;
  performance: number;
}

/** Starts Debian's Chromium with a DevTools port, as the e2e tests launch it. */
async function startChromium(): Promise<{ port: number; stop(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), "waypoint-lh-"));
  const child = spawn(
    process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--remote-debugging-port=0",
      `--user-data-dir=${profile}`,
      "about:blank",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let err = "";
    const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${err}`)), 30_000);
    child.stderr?.on("data", (c) => {
      err += c;
      const m = err.match(/DevTools listening on ws:\/\/[^:]+:(\d+)\//);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once("exit", (code) => reject(new Error(`Chromium exited with ${code}:\n${err}`)));
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  return {
    port,
    async stop() {
      child.kill("SIGTERM");
      await exited;
      rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}

/**
 * Lighthouse's default (mobile) run: a mid-range phone on a slow 4G link, simulated throttling.
 * Performance and accessibility only; LCP and TBT are the figures the issue asks for.
 */
export async function runLighthouse(
  baseUrl: string,
  pages: { name: string; path: string }[],
): Promise<LighthouseFigure[]> {
  const { default: lighthouse } = await import("lighthouse");
  const chromium = await startChromium();
  const figures: LighthouseFigure[] = [];
  try {
    for (const page of pages) {
      const result = await lighthouse(new URL(page.path, baseUrl).href, {
        port: chromium.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility"],
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}`);
      const { audits, categories } = result.lhr;
      figures.push({
        page: page.name,
        lcpMs: audits["largest-contentful-paint"]?.numericValue ?? Number.NaN,
        tbtMs: audits["total-blocking-time"]?.numericValue ?? Number.NaN,
        accessibility: (categories.accessibility?.score ?? Number.NaN) * 100,
        performance: (categories.performance?.score ?? Number.NaN) * 100,
      });
    }
  } finally {
    await chromium.stop();
  }
  return figures;
}

/** The built server on a fresh SQLite file and a free port. */
export async function startBuiltServer(root: string): Promise<{ url: string; stop(): void }> {
  const dir = mkdtempSync(join(tmpdir(), "waypoint-bench-web-"));
  const child: ChildProcess = spawn(process.execPath, [join(root, "dist/server/main.js")], {
    cwd: root,
    env: {
      ...process.env,
      // Development mode makes its own key file; no demo data: the pages measured need none.
      NODE_ENV: "development",
      WAYPOINT_DEMO: "false",
      PORT: "0",
      LOG_LEVEL: "warn",
      DATABASE_URL: `sqlite:${join(dir, "bench.db")}`,
      WAYPOINT_KEY_FILE: join(dir, "bench.key"),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const onData = (c: Buffer) => {
      output += c;
      const m = output.match(/running at (http:\/\/\S+)/);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    url,
    stop() {
      child.kill("SIGTERM");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
