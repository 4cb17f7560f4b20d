import { systemClock } from "../../server/clock.ts";
import { AppError } from "../../server/errors.ts";
import { createApiToken } from "../../server/use-cases/create-api-token.ts";
import { parseCommandArgs, positiveInt } from "../args.ts";
import { openConfiguredDatabase } from "../open-configured-database.ts";
import { UsageError } from "../usage-error.ts";

/** `token create --user EMAIL --name N [--expires DAYS]`: prints the token once. */
export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { user: { type: "string" }, name: { type: "string" }, expires: { type: "string" } },
    true,
  );
  if (positionals[0] !== "create" || !values.user || !values.name) {
    throw new UsageError("usage: token create --user EMAIL --name NAME [--expires DAYS]");
  }
  const days =
    values.expires === undefined ? undefined : positiveInt(values.expires, "--expires", 0);
  const { db, keyring } = openConfiguredDatabase();
  try {
    const created = await createApiToken(
      { db, clock: systemClock, keyring },
      { email: values.user, name: values.name, ...(days ? { expiresInDays: days } : {}) },
      null,
    );
    process.stdout.write(`${created.token}\n`);
    process.stderr.write(
      `token ${created.id} for ${values.user}${created.expiresAt ? `, expires ${created.expiresAt}` : ""}; it is shown only once\n`,
    );
    return 0;
  } catch (e) {
    if (e instanceof AppError && e.status < 500) throw new UsageError(e.message);
    throw e;
  } finally {
    await db.close();
  }
}
