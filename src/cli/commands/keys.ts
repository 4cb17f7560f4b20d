import { migrateToLatest } from "../../server/db/database.ts";
import { rotateKeys } from "../../server/use-cases/operations/rotate-keys.ts";
import { parseCommandArgs } from "../args.ts";
import { openConfiguredDatabase } from "../open-configured-database.ts";
import { progressReporter } from "../progress.ts";
import { UsageError } from "../usage-error.ts";

/** `keys rotate`: new current key in WAYPOINT_KEY_FILE, identity fields re-encrypted with it. */
export async function run(args: string[]): Promise<number> {
  const { positionals } = parseCommandArgs(args, {}, true);
  if (positionals[0] !== "rotate" || positionals.length !== 1)
    throw new UsageError("usage: keys rotate");
  const { config, db, keyring } = await openConfiguredDatabase();
  try {
    await migrateToLatest(db, keyring);
    const progress = progressReporter("re-encrypting identity fields");
    const result = await rotateKeys(db, config.keyFile, progress.update);
    process.stdout.write(
      `new key ${result.keyId}; re-encrypted ${result.reencrypted} person records\n`,
    );
    return 0;
  } finally {
    await db.close();
  }
}
