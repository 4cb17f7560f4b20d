import { verifyAuditChain } from "../../server/audit/audit-log.ts";
import { parseCommandArgs } from "../args.ts";
import { openConfiguredDatabaseOnly } from "../open-configured-database.ts";
import { progressReporter } from "../progress.ts";
import { UsageError } from "../usage-error.ts";

/**
 * `audit verify`: exit 0 on an intact chain, 1 naming the first bad row. Checks the chain up to
 * the head as it stood at the start; rows appended meanwhile are left for the next run.
 */
export async function run(args: string[]): Promise<number> {
  const { positionals } = parseCommandArgs(args, {}, true);
  if (positionals[0] !== "verify" || positionals.length !== 1)
    throw new UsageError("usage: audit verify");
  const { db } = openConfiguredDatabaseOnly();
  try {
    const progress = progressReporter("verifying audit chain");
    const verdict = await verifyAuditChain(db.kysely, progress.update);
    if (verdict.ok) {
      process.stdout.write(
        `audit chain intact: ${verdict.rows} rows checked up to row ${verdict.headSeq}\n`,
      );
      return 0;
    }
    process.stderr.write(`audit chain broken at row ${verdict.seq}: ${verdict.problem}\n`);
    return 1;
  } finally {
    await db.close();
  }
}
