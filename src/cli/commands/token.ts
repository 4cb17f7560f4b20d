import { systemClock } from "../../server/clock.ts";
import { createApiToken } from "../../server/use-cases/auth/create-api-token.ts";
import { revokeApiToken } from "../../server/use-cases/auth/revoke-api-token.ts";
import { parseCommandArgs, positiveInt } from "../args.ts";
import { openConfiguredDatabase } from "../open-configured-database.ts";
import { asUsageError, UsageError } from "../usage-error.ts";

/** `token create --user EMAIL --name N [--expires DAYS]`: prints the token once. */
export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { user: { type: "string" }, name: { type: "string" }, expires: { type: "string" } },
    true,
  );
  const [verb, tokenId] = positionals;
  if (verb === "revoke") {
    if (!tokenId) throw new UsageError("usage: token revoke TOKEN_ID");
    const { db, keyring } = await openConfiguredDatabase();
    try {
      const done = await revokeApiToken({ db, clock: systemClock, keyring }, tokenId, null);
      if (!done) throw new UsageError(`no token ${tokenId}`);
      process.stdout.write(`revoked token ${tokenId}\n`);
      return 0;
    } finally {
      await db.close();
    }
  }
  if (verb !== "create" || !values.user || !values.name) {
    throw new UsageError(
      "usage: token create --user EMAIL --name NAME [--expires DAYS] | token revoke TOKEN_ID",
    );
  }
  const days =
    values.expires === undefined ? undefined : positiveInt(values.expires, "--expires", 0);
  const { db, keyring } = await openConfiguredDatabase();
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
    throw asUsageError(e);
  } finally {
    await db.close();
  }
}
