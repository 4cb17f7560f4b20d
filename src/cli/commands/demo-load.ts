import { systemClock } from "../../server/clock.ts";
import { migrateToLatest } from "../../server/db/database.ts";
import { bulkLoadCases } from "../../server/demo/bulk-load.ts";
import { isEmpty, seedDemo } from "../../server/demo/seed-demo.ts";
import { parseCommandArgs, positiveInt } from "../args.ts";
import { openConfiguredDatabase } from "../open-configured-database.ts";
import { progressReporter } from "../progress.ts";
import { UsageError } from "../usage-error.ts";

/**
 * `demo-load --cases N`: many synthetic cases, fast (the bulk loader), for benchmarks and for
 * trying the app at a state's scale. An empty database gets the demo's agencies and accounts
 * first (seed-demo without cases); a demo database gets N more cases.
 */
export async function run(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, {
    cases: { type: "string" },
    seed: { type: "string" },
  });
  const cases = positiveInt(values.cases, "--cases", 100_000);
  const seed = positiveInt(values.seed, "--seed", 2026);
  const { config, db, keyring } = await openConfiguredDatabase();
  try {
    if (config.env === "production") {
      throw new UsageError("demo-load refuses to run with NODE_ENV=production");
    }
    await migrateToLatest(db, keyring);
    if (await isEmpty(db.kysely)) {
      await seedDemo(db, systemClock, { cases: 0, seed, production: false, keyring });
    }
    const progress = progressReporter("loading cases");
    const result = await bulkLoadCases(db, keyring, systemClock, {
      cases,
      seed,
      production: false,
      onProgress: progress.update,
    });
    const perSecond = Math.round(result.cases / (result.ms / 1000));
    process.stdout.write(
      `loaded ${result.cases} synthetic cases in ${(result.ms / 1000).toFixed(1)} s (${perSecond} cases/s): ${Object.entries(
        result.rows,
      )
        .map(([table, n]) => `${n} ${table}`)
        .join(", ")}\n`,
    );
    return 0;
  } finally {
    await db.close();
  }
}
