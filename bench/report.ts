/** Uniform benchmark output: one line a figure, then ratios against their targets. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
}

export function printFigures(title: string, figures: Figure[]): void {
  process.stdout.write(`\n${title}\n`);
  for (const f of figures) {
    const value = f.value >= 100 ? f.value.toFixed(0) : f.value.toFixed(f.value >= 10 ? 1 : 3);
    process.stdout.write(`  ${f.name.padEnd(44)} ${value.padStart(12)} ${f.unit}\n`);
  }
}

export function printRatio(name: string, ratio: number, target: string, met: boolean): void {
  process.stdout.write(
    `  ${name.padEnd(44)} ${ratio.toFixed(3).padStart(12)}   target ${target}: ${met ? "met" : "NOT met"}\n`,
  );
}

export function percentile(sortedAscending: number[], p: number): number {
  if (sortedAscending.length === 0) return Number.NaN;
  const i = Math.min(sortedAscending.length - 1, Math.ceil((p / 100) * sortedAscending.length) - 1);
  return sortedAscending[Math.max(0, i)] as number;
}
