import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { measureBundles } from "./web-bundle.ts";
import { runLighthouse, startBuiltServer } from "./web-lighthouse.ts";

const FIRST_PAGE_TARGET_KB = 100;
const ROUTE_TARGET_KB = 150;

/** The repository root: this file runs from bench/ (tsx) or dist/ (bundled). */
function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error("package.json not found above the benchmark");
    dir = up;
  }
  return dir;
}

const kb = (bytes: number) => bytes / 1024;

function row(cells: string[], widths: number[]): string {
  return `  ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ")}\n`;
}

/**
 * `npm run bench -- web [--no-lighthouse]`: gzip size of the JavaScript the first page loads and
 * of each lazily loaded route, against the targets, then Lighthouse (mobile) on the public help
 * page and the sign-in page. Figures only; nothing here is asserted by the tests.
 */
export async function run(args: string[]): Promise<void> {
  const root = repositoryRoot();
  // The launcher builds the server; the web assets are built here when stale.
  const built = spawnSync(
    process.execPath,
    [join(root, "scripts/build.mjs"), "web", "--if-stale"],
    {
      cwd: root,
      stdio: "inherit",
    },
  );
  if (built.status !== 0) throw new Error("web build failed");

  const bundles = measureBundles(join(root, "dist/web"));
  const widths = [40, 10, 10, 8];
  process.stdout.write("\nJavaScript per page (gzip)\n");
  process.stdout.write(row(["what loads", "KB", "target", "met"], widths));
  for (const [i, b] of bundles.entries()) {
    const target = i === 0 ? FIRST_PAGE_TARGET_KB : ROUTE_TARGET_KB;
    process.stdout.write(
      row(
        [
          b.name,
          kb(b.gzipBytes).toFixed(1),
          `≤ ${target}`,
          kb(b.gzipBytes) <= target ? "yes" : "NO",
        ],
        widths,
      ),
    );
  }

  if (args.includes("--no-lighthouse")) return;
  const server = await startBuiltServer(root);
  try {
    const figures = await runLighthouse(server.url, [
      { name: "Get help now (/)", path: "/" },
      { name: "Staff sign-in (/sign-in)", path: "/sign-in" },
    ]);
    const lw = [28, 10, 10, 14, 12];
    process.stdout.write("\nLighthouse 12, mobile (simulated slow 4G, 4x CPU slowdown)\n");
    process.stdout.write(row(["page", "LCP ms", "TBT ms", "accessibility", "performance"], lw));
    for (const f of figures) {
      process.stdout.write(
        row(
          [
            f.page,
            f.lcpMs.toFixed(0),
            f.tbtMs.toFixed(0),
            f.accessibility.toFixed(0),
            f.performance.toFixed(0),
          ],
          lw,
        ),
      );
    }
  } finally {
    server.stop();
  }
}
