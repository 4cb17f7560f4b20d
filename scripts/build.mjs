#!/usr/bin/env node
// Builds what is missing or stale: the server and CLI bundles (esbuild) and the web assets (Vite).
// `node scripts/build.mjs [server|web|all] [--if-stale]`. Progress goes to stderr so that commands
// whose stdout is machine-read (the CLI's JSON) stay clean.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "dist");

function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) for (const e of readdirSync(p)) visit(join(p, e));
    else newest = Math.max(newest, s.mtimeMs);
  };
  for (const p of paths) visit(join(root, p));
  return newest;
}

const TARGETS = {
  server: {
    stamp: join(dist, ".server-stamp"),
    inputs: [
      "src/server",
      "src/contract",
      "src/domain",
      "src/cli",
      "bench",
      "package.json",
      "package-lock.json",
    ],
    async build() {
      const esbuild = await import("esbuild");
      const common = {
        absWorkingDir: root,
        outdir: dist,
        bundle: true,
        splitting: true,
        format: "esm",
        platform: "node",
        target: "node20",
        sourcemap: true,
        logLevel: "warning",
      };
      await esbuild.build({
        ...common,
        entryPoints: { "server/main": "src/server/main.ts", "bench/main": "bench/main.ts" },
        packages: "external",
        chunkNames: "chunks/[name]-[hash]",
      });
      // The CLI bundles zod: loading zod's ~100 ESM files costs ~150 ms, half of the 300 ms the
      // assess command may take from start to answer. The CLI loads no Fastify, so its zod is
      // the only one in that process.
      const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
      const external = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter(
        (name) => name !== "zod",
      );
      await esbuild.build({
        ...common,
        entryPoints: { "cli/main": "src/cli/main.ts" },
        external,
        chunkNames: "cli/chunks/[name]-[hash]",
      });
    },
  },
  web: {
    stamp: join(dist, ".web-stamp"),
    inputs: ["src/web", "src/contract", "src/domain", "vite.config.ts", "package-lock.json"],
    async build() {
      const { build } = await import("vite");
      // Vite sets process.env.NODE_ENV=production for its build; in this process that would leak
      // into everything started afterwards (tests, the server), so it is put back.
      const nodeEnv = process.env.NODE_ENV;
      try {
        await build({ configFile: join(root, "vite.config.ts"), logLevel: "warn" });
      } finally {
        if (nodeEnv === undefined) delete process.env.NODE_ENV;
        else process.env.NODE_ENV = nodeEnv;
      }
    },
  },
};

function isStale(target) {
  const built = existsSync(target.stamp) ? statSync(target.stamp).mtimeMs : 0;
  return built <= newestMtime(target.inputs);
}

// Several commands may start at once on a fresh clone (e.g. parallel `cli assess` calls): one
// builds while the others wait, so nobody imports a half-written bundle.
const LOCK = join(dist, ".build-lock");
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function withBuildLock(fn) {
  mkdirSync(dist, { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (e) {
      if (e.code !== "EEXIST") throw e;
      // A builder that died (killed mid-build) leaves its lock behind; builds take seconds.
      if (Date.now() - statSync(LOCK).mtimeMs > 120_000)
        rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() - started > 180_000) throw new Error(`timed out waiting for ${LOCK}`);
      await sleep(50);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/**
 * Builds the named targets if their inputs changed since the last build (or always, with
 * `ifStale: false`). `quiet` prints nothing unless the build fails: the CLI's stderr is part of
 * its contract.
 */
export async function ensureBuilt(names, { ifStale = true, quiet = false } = {}) {
  const wanted = names.map((name) => [name, TARGETS[name]]);
  if (ifStale && wanted.every(([, target]) => !isStale(target))) return;
  await withBuildLock(async () => {
    for (const [name, target] of wanted) {
      if (ifStale && !isStale(target)) continue; // built by someone else while we waited
      const started = Date.now();
      if (!quiet) process.stderr.write(`waypoint: building ${name}…\n`);
      await target.build();
      writeFileSync(target.stamp, new Date().toISOString());
      if (!quiet) {
        process.stderr.write(
          `waypoint: built ${name} in ${Date.now() - started} ms (${relative(root, dist)}/)\n`,
        );
      }
    }
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const which = args.find((a) => !a.startsWith("--")) ?? "all";
  const names = which === "all" ? ["server", "web"] : [which];
  if (!names.every((n) => n in TARGETS)) {
    process.stderr.write(`build: unknown target ${which} (server, web or all)\n`);
    process.exit(2);
  }
  await ensureBuilt(names, { ifStale: args.includes("--if-stale") });
}
