#!/usr/bin/env node
// Builds what is missing or stale: the server and CLI bundles (esbuild) and the web assets (Vite).
// `node scripts/build.mjs [server|web|all] [--if-stale]`. Progress goes to stderr so that commands
// whose stdout is machine-read (the CLI's JSON) stay clean.
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
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
    inputs: ["src/server", "src/domain", "src/cli", "bench", "package.json", "package-lock.json"],
    async build() {
      const esbuild = await import("esbuild");
      await esbuild.build({
        absWorkingDir: root,
        entryPoints: {
          "server/main": "src/server/main.ts",
          "cli/main": "src/cli/main.ts",
          "bench/main": "bench/main.ts",
        },
        outdir: dist,
        bundle: true,
        splitting: true,
        format: "esm",
        platform: "node",
        target: "node20",
        packages: "external",
        sourcemap: true,
        chunkNames: "chunks/[name]-[hash]",
        logLevel: "warning",
      });
    },
  },
  web: {
    stamp: join(dist, ".web-stamp"),
    inputs: ["src/web", "src/domain", "vite.config.ts", "package-lock.json"],
    async build() {
      const { build } = await import("vite");
      await build({ configFile: join(root, "vite.config.ts"), logLevel: "warn" });
    },
  },
};

export async function ensureBuilt(names, { ifStale = true } = {}) {
  for (const name of names) {
    const target = TARGETS[name];
    const built = existsSync(target.stamp) ? statSync(target.stamp).mtimeMs : 0;
    if (ifStale && built > newestMtime(target.inputs)) continue;
    const started = Date.now();
    process.stderr.write(`waypoint: building ${name}…\n`);
    await target.build();
    mkdirSync(dist, { recursive: true });
    writeFileSync(target.stamp, new Date().toISOString());
    process.stderr.write(
      `waypoint: built ${name} in ${Date.now() - started} ms (${relative(root, dist)}/)\n`,
    );
  }
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
