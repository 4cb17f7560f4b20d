#!/usr/bin/env node
// Entry point of `npm start`, `npm run cli` and `npm run bench`: builds what is stale, then runs
// the bundled program in this same process (one Node start-up, not two).
import { fileURLToPath } from "node:url";
import { ensureBuilt } from "./build.mjs";

const ENTRIES = {
  server: { needs: ["server", "web"], module: "../dist/server/main.js", quiet: false },
  // The CLI's stdout and stderr are machine-read (assess): build silently.
  cli: { needs: ["server"], module: "../dist/cli/main.js", quiet: true },
  bench: { needs: ["server"], module: "../dist/bench/main.js", quiet: false },
};

const [name, ...rest] = process.argv.slice(2);
const entry = ENTRIES[name];
if (!entry) {
  process.stderr.write(`launch: unknown program ${name}\n`);
  process.exit(2);
}
try {
  await ensureBuilt(entry.needs, { quiet: entry.quiet });
} catch (e) {
  process.stderr.write(`waypoint: build failed: ${e instanceof Error ? e.message : e}\n`);
  process.exit(1);
}
process.argv = [process.argv[0], fileURLToPath(new URL(entry.module, import.meta.url)), ...rest];
await import(entry.module);
