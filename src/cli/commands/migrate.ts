import { migrateToLatest } from "../../server/db/database.ts";
import { parseCommandArgs } from "../args.ts";
import { openConfiguredDatabaseOnly } from "../open-configured-database.ts";

export async function run(args: string[]): Promise<number> {
  parseCommandArgs(args, {});
  const { db } = openConfiguredDatabaseOnly();
  try {
    const applied = await migrateToLatest(db);
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
