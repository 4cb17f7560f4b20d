import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The shared worked examples, read from ../shared (never copied into this repository). */
export const EXAMPLES_DIR = fileURLToPath(
  new URL("../../../shared/assessment/examples", import.meta.url),
);

export interface Example {
  name: string;
  facts: unknown;
  expect: {
    determination: string;
    actionsInclude: string[];
    actionsExclude: string[];
    offensesInclude: string[];
    offensesExclude: string[];
    nibrs: string[];
  };
}

/**
 * The examples, or none when ../shared is not beside this clone: a plain clone must pass on its
 * own, and the contract examples run in addition wherever ../shared exists (always in CI). Its
 * absence is said on standard error, never skipped silently. An empty folder is still an error.
 */
export function loadExamples(): Example[] {
  if (!existsSync(EXAMPLES_DIR)) {
    process.stderr.write(
      `note: ${EXAMPLES_DIR} is absent; the shared worked examples are not run\n`,
    );
    return [];
  }
  const files = readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort();
  if (files.length === 0) throw new Error(`no examples found in ${EXAMPLES_DIR}`);
  return files.map((name) => ({
    name,
    ...JSON.parse(readFileSync(join(EXAMPLES_DIR, name), "utf8")),
  }));
}

/** Problems of an assessment against an example's expectations; empty when it passes. */
export function checkAgainst(
  expect: Example["expect"],
  got: { determination: string; actions: string[]; offenses: string[]; nibrs: string[] },
): string[] {
  const problems: string[] = [];
  if (got.determination !== expect.determination) {
    problems.push(`determination ${got.determination}, expected ${expect.determination}`);
  }
  for (const a of expect.actionsInclude)
    if (!got.actions.includes(a)) problems.push(`lacks action ${a}`);
  for (const a of expect.actionsExclude)
    if (got.actions.includes(a)) problems.push(`has action ${a}`);
  for (const o of expect.offensesInclude)
    if (!got.offenses.includes(o)) problems.push(`lacks offense ${o}`);
  for (const o of expect.offensesExclude)
    if (got.offenses.includes(o)) problems.push(`has offense ${o}`);
  if ([...got.nibrs].sort().join() !== [...expect.nibrs].sort().join()) {
    problems.push(`nibrs ${got.nibrs.join()}, expected ${expect.nibrs.join()}`);
  }
  return problems;
}
