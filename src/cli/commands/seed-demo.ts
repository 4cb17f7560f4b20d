import { systemClock } from "../../server/clock.ts";
import { migrateToLatest } from "../../server/db/database.ts";
import { isEmpty, seedDemo } from "../../server/demo/seed-demo.ts";
import { parseCommandArgs, positiveInt } from "../args.ts";
import { openConfiguredDatabase } from "../open-configured-database.ts";
import { progressReporter } from "../progress.ts";
import { UsageError } from "../usage-error.ts";

export async function run(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, {
    cases: { type: "string" },
    seed: { type: "string" },
  });
  const cases = positiveInt(values.cases, "--cases", 40);
  const seed = positiveInt(values.seed, "--seed", 2026);
  const { config, db, keyring } = await openConfiguredDatabase();
  try {
    if (config.env === "production") {
      throw new UsageError("seed-demo refuses to run with NODE_ENV=production");
    }
    await migrateToLatest(db, keyring);
    if (!(await isEmpty(db.kysely))) {
      throw new UsageError("the database already has data; seed-demo only fills an empty one");
    }
    const progress = progressReporter("seeding cases");
    const result = await seedDemo(db, systemClock, {
      cases,
      seed,
      production: false,
      keyring,
      onProgress: progress.update,
    });
    process.stdout.write(
      `seeded ${result.agencies} agencies, ${result.users} users, ${result.cases} cases (synthetic)\n`,
    );
    return 0;
  } finally {
    await db.close();
  }
}
