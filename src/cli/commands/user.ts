import { isRole, ROLES } from "../../domain/roles.ts";
import { systemClock } from "../../server/clock.ts";
import { migrateToLatest } from "../../server/db/database.ts";
import { ensureAdministrationAgency } from "../../server/use-cases/administration-agency.ts";
import { createUser } from "../../server/use-cases/create-user.ts";
import { disableUser, unlockUser } from "../../server/use-cases/manage-user.ts";
import { parseCommandArgs } from "../args.ts";
import { openConfiguredDatabase } from "../open-configured-database.ts";
import { readSecretLine } from "../read-secret.ts";
import { asUsageError, UsageError } from "../usage-error.ts";

const USAGE =
  "usage: user create-admin --email EMAIL | user create --email EMAIL --agency ID --role ROLE | user unlock EMAIL | user disable EMAIL";

/** Account administration. Passwords come from standard input, never from arguments. */
export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      email: { type: "string" },
      agency: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
    },
    true,
  );
  const [verb, target] = positionals;
  if (verb === "create" || verb === "create-admin") {
    if (!values.email) throw new UsageError(`${verb} needs --email EMAIL`);
    if (verb === "create" && (!values.agency || !values.role))
      throw new UsageError("create needs --agency ID and --role ROLE");
    if (values.role && !isRole(values.role))
      throw new UsageError(`--role must be one of ${ROLES.join(", ")}`);
  } else if (verb === "unlock" || verb === "disable") {
    if (!target) throw new UsageError(`${verb} needs an EMAIL`);
  } else {
    throw new UsageError(USAGE);
  }
  const { db, keyring } = await openConfiguredDatabase();
  const ctx = { db, clock: systemClock, keyring };
  try {
    await migrateToLatest(db);
    if (verb === "unlock" || verb === "disable") {
      const done =
        verb === "unlock"
          ? await unlockUser(ctx, target as string, null)
          : await disableUser(ctx, target as string, null);
      if (!done) throw new UsageError(`no account ${target}`);
      process.stdout.write(`${verb === "unlock" ? "unlocked" : "disabled"} ${target}\n`);
      return 0;
    }
    const password = await readSecretLine();
    const agencyId =
      verb === "create-admin" ? await ensureAdministrationAgency(ctx) : (values.agency as string);
    const role = verb === "create-admin" ? "system_admin" : (values.role as string);
    const created = await createUser(
      ctx,
      {
        email: values.email as string,
        displayName: values.name ?? (values.email as string),
        password,
        agencyId,
        role: role as never,
      },
      null,
    );
    process.stdout.write(`created ${values.email} (${role}), user id ${created.userId}\n`);
    return 0;
  } catch (e) {
    throw asUsageError(e);
  } finally {
    await db.close();
  }
}
