import { migrateToLatest } from "../../server/db/database.ts";
import { analyzeDatabase } from "../../server/db/sqlite-tuning.ts";
import { parseCommandArgs } from "../args.ts";
import { openConfiguredDatabase } from "../open-configured-database.ts";

export async function run(args: string[]): Promise<number> {
  parseCommandArgs(args, {});
  const { db, keyring } = await openConfiguredDatabase();
  try {
    const applied = await migrateToLatest(db, keyring);
    if (applied.length > 0) await analyzeDatabase(db);
    process.stdout.write(
      applied.length === 0
        ? `${db.dialect}: already up to date\n`
        : `${db.dialect}: applied ${applied.join(", ")}\n`,
    );
    return 0;
  } finally {
    await db.close();
  }
}
