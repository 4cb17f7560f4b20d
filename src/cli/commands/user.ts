import { createUserInput } from "../../contract/accounts/inputs.ts";
import { isRole, ROLES, type Role, roleFitsAgencyKind } from "../../domain/roles.ts";
import { systemClock } from "../../server/clock.ts";
import type { AppContext } from "../../server/context.ts";
import { migrateToLatest } from "../../server/db/database.ts";
import { accountsOutsideUnit } from "../../server/repositories/accounts/account-repositories.ts";
import { ensureAdministrationAgency } from "../../server/use-cases/accounts/administration-agency.ts";
import { createUser } from "../../server/use-cases/accounts/create-user.ts";
import { disableUser } from "../../server/use-cases/accounts/disable-user.ts";
import { unlockUser } from "../../server/use-cases/accounts/unlock-user.ts";
import {
  auditRoleGrants,
  type RoleGrantProblem,
} from "../../server/use-cases/audit/audit-role-grants.ts";
import { parseCommandArgs } from "../args.ts";
import { openConfiguredDatabase } from "../open-configured-database.ts";
import { readSecretLine } from "../read-secret.ts";
import { asUsageError, UsageError } from "../usage-error.ts";

const USAGE =
  "usage: user create-admin --email EMAIL | user create --email EMAIL --agency ID --role ROLE | user unlock EMAIL | user disable EMAIL | user audit-roles";

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
  } else if (verb !== "audit-roles") {
    throw new UsageError(USAGE);
  }
  const { db, keyring } = await openConfiguredDatabase();
  const ctx = { db, clock: systemClock, keyring };
  try {
    await migrateToLatest(db, keyring);
    if (verb === "audit-roles") return await printRoleAudit(ctx);
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
    const role = verb === "create-admin" ? "system_admin" : (values.role as Role);
    const agency = await accountsOutsideUnit(ctx).agencies.find(agencyId);
    if (!agency) throw new UsageError(`--agency: no agency ${agencyId}`);
    if (!roleFitsAgencyKind(role, agency.kind))
      throw new UsageError(`--role: ${role} does not belong in an agency of kind ${agency.kind}`);
    const input = createUserInput.parse({
      email: values.email,
      displayName: values.name ?? values.email,
      password,
      agencyId,
      role,
    });
    const created = await createUser(ctx, input, null);
    process.stdout.write(`created ${values.email} (${role}), user id ${created.userId}\n`);
    return 0;
  } catch (e) {
    throw asUsageError(e);
  } finally {
    await db.close();
  }
}

const PROBLEMS: Record<RoleGrantProblem, string> = {
  granted_beyond_grantor: "created by someone whose role may not give this role",
  role_does_not_fit_agency: "the role does not belong in this kind of agency",
  no_record_of_grant: "no audit row says who created this account",
  unknown_role: "the role is not one Waypoint knows",
};

/**
 * `user audit-roles`: accounts whose role the access policy would not grant today (made
 * through the hole of issue 10, or never fitting their agency). Exit 1 when any is found, so a
 * deployment can run it from a script after upgrading.
 */
async function printRoleAudit(ctx: AppContext): Promise<number> {
  const findings = await auditRoleGrants(ctx);
  if (findings.length === 0) {
    process.stdout.write(
      "Every account holds a role its agency fits and its creator could give.\n",
    );
    return 0;
  }
  process.stdout.write(`${findings.length} role grant(s) to review:\n`);
  for (const f of findings) {
    const by = f.grantedBy ? ` by user ${f.grantedBy.userId} (${f.grantedBy.role ?? "?"})` : "";
    const at = f.grantedAt ? ` on ${f.grantedAt}` : "";
    process.stdout.write(
      `  ${f.email}: ${f.role} in agency ${f.agencyId} (${f.agencyKind}), membership ${f.membershipId}${at}${by}: ${PROBLEMS[f.problem]}\n`,
    );
  }
  process.stdout.write("End an account's access at once with: user disable EMAIL\n");
  return 1;
}
