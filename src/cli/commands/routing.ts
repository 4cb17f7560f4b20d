import { systemClock } from "../../server/clock.ts";
import { checkRouting } from "../../server/use-cases/operations/check-routing.ts";
import { parseCommandArgs } from "../args.ts";
import { openConfiguredDatabase } from "../open-configured-database.ts";
import { UsageError } from "../usage-error.ts";

const USAGE = "usage: routing check";

/**
 * `routing check`: lists the counties whose child reports would not reach an investigator of
 * their own CPS office, and where they go instead; exit 1 when some report would reach no one.
 */
export async function run(args: string[]): Promise<number> {
  const { positionals } = parseCommandArgs(args, {}, true);
  if (positionals.length !== 1 || positionals[0] !== "check") throw new UsageError(USAGE);
  const { db, keyring } = await openConfiguredDatabase();
  try {
    const { unreached, publicTipsReachSomeone } = await checkRouting({
      db,
      keyring,
      clock: systemClock,
    });
    for (const c of unreached)
      process.stdout.write(
        `${c.countyFips} ${c.countyName}: ${c.fallsTo === "statewide" ? "goes to the statewide CPS office" : "reaches NO ONE"}\n`,
      );
    if (!publicTipsReachSomeone)
      process.stdout.write("public tips: reach NO ONE (nobody triages the statewide queue)\n");
    const noOne = unreached.filter((c) => c.fallsTo === "no_one").length;
    process.stdout.write(
      `${82 - unreached.length} of 82 counties reach their own office; ${unreached.length - noOne} fall back to the statewide office; ${noOne} reach no one\n`,
    );
    return noOne > 0 || !publicTipsReachSomeone ? 1 : 0;
  } finally {
    await db.close();
  }
}
