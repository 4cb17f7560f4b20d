import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { assess, parseFacts, parseFactsJson } from "../src/domain/assessment/index.ts";
import { percentile, printFigures, printRatio } from "./report.ts";

const EXAMPLES = join(process.cwd(), "..", "shared", "assessment", "examples");
const DURATION_MS = 3000;

function rate(fn: (i: number) => void): number {
  for (let i = 0; i < 20_000; i++) fn(i); // warm-up: JIT, memo tables
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < DURATION_MS) {
    for (let i = 0; i < 1000; i++) fn(n++);
  }
  return n / ((performance.now() - start) / 1000);
}

function timeCommand(cmd: string, args: string[], runs: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const r = spawnSync(cmd, args, { encoding: "utf8" });
    times.push(performance.now() - start);
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed: ${r.stderr}`);
  }
  return times.sort((a, b) => a - b);
}

/** Deterministic random facts documents, so runs are comparable. */
function randomFacts(count: number): unknown[] {
  let seed = 12345;
  const next = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const tri = () => [true, false, null, undefined][Math.floor(next() * 4)];
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
  const flags = ["not_free_to_leave", "branded", "poverty", "homeless_or_runaway", "threats"];
  return Array.from({ length: count }, () => ({
    subject: {
      age: next() < 0.8 ? Math.floor(next() * 60) : undefined,
      citizenship: pick(["us_citizen", "foreign_national", undefined]),
    },
    sex: { act: tri(), valueExchanged: tri(), explicitPerformance: tri(), explicitMaterial: tri() },
    labor: { performed: tri() },
    means: { force: tri(), fraud: tri(), coercion: tri() },
    indicators: flags.filter(() => next() < 0.15),
    context: { crossesStateLines: tri(), minorInCustodyForProstitution: tri() },
  }));
}

export async function run(): Promise<void> {
  // Varied documents first, while the engine's memo tables are still empty.
  const varied = randomFacts(20_000).map((f) => parseFacts(JSON.parse(JSON.stringify(f))));
  let start = performance.now();
  for (const f of varied) assess(f);
  const coldRate = varied.length / ((performance.now() - start) / 1000);
  start = performance.now();
  for (const f of varied) assess(f);
  const warmVariedRate = varied.length / ((performance.now() - start) / 1000);

  const texts = readdirSync(EXAMPLES)
    .filter((f) => f.endsWith(".json"))
    .map((f) => JSON.stringify(JSON.parse(readFileSync(join(EXAMPLES, f), "utf8")).facts));
  const facts = texts.map((t) => parseFacts(JSON.parse(t)));
  const engine = rate((i) => assess(facts[i % facts.length] as never));
  const full = rate((i) => assess(parseFactsJson(texts[i % texts.length] as string)));
  printFigures("Assessments per second on one core", [
    { name: "20,000 varied documents, first pass (cold)", value: coldRate, unit: "/s" },
    { name: "20,000 varied documents, second pass", value: warmVariedRate, unit: "/s" },
    { name: `the ${facts.length} shared examples, round robin`, value: engine, unit: "/s" },
    { name: "the examples as JSON text → validate → assess", value: full, unit: "/s" },
  ]);
  printRatio("cold varied rate / 100,000", coldRate / 100_000, "≥ 1", coldRate >= 100_000);
  printRatio("engine rate / 100,000", engine / 100_000, "≥ 1", engine >= 100_000);

  const file = join(tmpdir(), "waypoint-bench-facts.json");
  writeFileSync(file, texts[0] as string);
  const cli = process.argv[1]?.replace(/bench\/main\.js$/, "cli/main.js") ?? "";
  const direct = timeCommand(process.execPath, [cli, "assess", file], 15);
  const viaNpm = timeCommand("npm", ["run", "-s", "cli", "--", "assess", file], 7);
  const bareNode = timeCommand(process.execPath, ["-e", "0"], 15);
  printFigures("CLI start to answer (median of repeated runs, ms)", [
    { name: "node dist/cli/main.js assess FILE", value: percentile(direct, 50), unit: "ms" },
    { name: "npm run -s cli -- assess FILE", value: percentile(viaNpm, 50), unit: "ms" },
    {
      name: "node -e 0 (Node's own start-up, for scale)",
      value: percentile(bareNode, 50),
      unit: "ms",
    },
  ]);
  printRatio(
    "node CLI median / 300 ms",
    percentile(direct, 50) / 300,
    "≤ 1",
    percentile(direct, 50) <= 300,
  );
  printRatio(
    "npm CLI median / 300 ms",
    percentile(viaNpm, 50) / 300,
    "≤ 1",
    percentile(viaNpm, 50) <= 300,
  );
}
