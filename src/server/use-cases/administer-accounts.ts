import { z } from "zod";
import { AGENCY_KINDS } from "../../domain/catalogues.ts";
import { countyByFips } from "../../domain/counties.ts";
import { isRole } from "../../domain/roles.ts";
import { type Actor, auditContextFor } from "../access/actor.ts";
import {
  accountAbilities,
  administeredAgencies,
  canManageTaskForce,
  grantableRoles,
  mayAdministerMembership,
  roleGrant,
} from "../access/policy.ts";
import { appendAudit } from "../audit/audit-log.ts";
import { denied } from "../audit/record-denial.ts";
import type { AppContext } from "../context.ts";
import { AppError, notFound } from "../errors.ts";
import { newId } from "../ids.ts";
import { type CreateUserInput, createUser } from "./create-user.ts";
import { disableUser, unlockUser } from "./manage-user.ts";

export const createAgencyInput = z.strictObject({
  name: z.string().trim().min(3).max(200),
  kind: z.enum(AGENCY_KINDS),
  countyFips: z
    .string()
    .refine((f) => countyByFips(f) !== undefined, "must be a Mississippi county FIPS code")
    .optional(),
});

const forbidden = (what: string) => new AppError("forbidden", `You cannot ${what}.`);

/** The directory of agencies: names and kinds only, for referrals, task forces and admin. */
export function listAgencies(ctx: AppContext) {
  return ctx.db.kysely
    .selectFrom("agencies")
    .select(["id", "name", "kind", "county_fips as countyFips"])
    .orderBy("name")
    .execute();
}

export async function createAgency(
  ctx: AppContext,
  actor: Actor,
  raw: z.input<typeof createAgencyInput>,
): Promise<{ id: string }> {
  const input = createAgencyInput.parse(raw);
  const entry = { action: "agency.create", recordType: "agency" };
  if (!accountAbilities(actor).createAgencies)
    throw await denied(ctx, actor, entry, forbidden("create agencies"));
  const id = newId();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await trx
      .insertInto("agencies")
      .values({
        id,
        name: input.name,
        kind: input.kind,
        county_fips: input.countyFips ?? null,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    await appendAudit(trx, auditContextFor(actor, ctx.clock), [
      { ...entry, recordId: id, outcome: "allowed" },
    ]);
  });
  return { id };
}

/** Accounts an administrator manages: their agency's, or every agency's for a system admin. */
export async function listUsers(ctx: AppContext, actor: Actor) {
  const entry = { action: "user.list", recordType: "user" };
  const reach = administeredAgencies(actor);
  if (reach.length === 0) throw await denied(ctx, actor, entry, forbidden("list accounts"));
  return ctx.db.kysely.transaction().execute(async (trx) => {
    let q = trx
      .selectFrom("memberships")
      .innerJoin("users", "users.id", "memberships.user_id")
      .select([
        "users.id as userId",
        "users.email",
        "users.display_name as displayName",
        "users.status",
        "users.locked_at as lockedAt",
        "users.mfa_enabled_at as mfaEnabledAt",
        "memberships.id as membershipId",
        "memberships.agency_id as agencyId",
        "memberships.role",
      ])
      .orderBy("users.display_name")
      .limit(2000);
    if (reach !== "all") q = q.where("memberships.agency_id", "in", reach);
    const rows = await q.execute();
    await appendAudit(trx, auditContextFor(actor, ctx.clock), [
      { ...entry, outcome: "allowed", detail: { count: rows.length } },
    ]);
    // Whether this caller may unlock or disable the account (never their own, never a role
    // they could not grant), so the page offers only buttons that work.
    return rows.map((r) => ({
      ...r,
      mayChange:
        r.userId !== actor.userId &&
        isRole(r.role) &&
        mayAdministerMembership(actor, { agencyId: r.agencyId, role: r.role }),
    }));
  });
}

/**
 * Creates an account when the access policy lets the caller give that role in that agency
 * (`roleGrant`): agency administrators never make administrators or statewide roles.
 */
export async function createUserAsAdmin(ctx: AppContext, actor: Actor, input: CreateUserInput) {
  const entry = { action: "user.create", recordType: "user", detail: { role: input.role } };
  const agency = await ctx.db.kysely
    .selectFrom("agencies")
    .select(["id", "kind"])
    .where("id", "=", input.agencyId)
    .executeTakeFirst();
  if (!agency)
    throw await denied(ctx, actor, entry, new AppError("not_found", "No such agency.", "agencyId"));
  const grant = roleGrant(actor, agency, input.role);
  if (!grant.allowed) throw await denied(ctx, actor, entry, GRANT_REFUSALS[grant.reason]());
  return createUser(ctx, input, actor);
}

const GRANT_REFUSALS = {
  agency: () => new AppError("forbidden", "You cannot create accounts in that agency.", "agencyId"),
  role: () =>
    new AppError(
      "role_not_grantable",
      "You cannot give this role. Only a system administrator can.",
      "role",
    ),
  kind: () =>
    new AppError(
      "role_does_not_fit_agency",
      "This role does not belong in that kind of agency.",
      "role",
    ),
};

/** For the account form: each agency the caller administers, with the roles it may give there. */
export async function listRoleGrants(ctx: AppContext, actor: Actor) {
  const reach = administeredAgencies(actor);
  if (reach.length === 0) return [];
  let q = ctx.db.kysely.selectFrom("agencies").select(["id", "kind"]).orderBy("name");
  if (reach !== "all") q = q.where("id", "in", reach);
  const agencies = await q.execute();
  return agencies.map((a) => ({ agencyId: a.id, roles: grantableRoles(actor, a) }));
}

/** Unlocks or disables an account the administrator manages; others answer as unknown. */
export async function changeAccountAsAdmin(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  change: "unlock" | "disable",
): Promise<void> {
  const entry = { action: `user.${change}`, recordType: "user", recordId: userId };
  if (!accountAbilities(actor).administerAccounts)
    throw await denied(ctx, actor, entry, notFound("user"));
  if (userId === actor.userId && change === "disable")
    throw new AppError("cannot_disable_self", "You cannot disable your own account.");
  const user = await ctx.db.kysely
    .selectFrom("users")
    .select("email")
    .where("id", "=", userId)
    .executeTakeFirst();
  const memberships = await ctx.db.kysely
    .selectFrom("memberships")
    .select(["agency_id as agencyId", "role"])
    .where("user_id", "=", userId)
    .execute();
  if (
    !user ||
    !memberships.some(
      (m) =>
        isRole(m.role) && mayAdministerMembership(actor, { agencyId: m.agencyId, role: m.role }),
    )
  )
    throw await denied(ctx, actor, entry, notFound("user"));
  await (change === "unlock" ? unlockUser : disableUser)(ctx, user.email, actor);
}

/**
 * The task-force directory (names and lead agencies): whoever convenes a team must be able to
 * pick the task force serving the case, whichever agency leads it. Rosters stay with managers.
 */
export async function listTaskForces(ctx: AppContext, actor: Actor) {
  const rows = await ctx.db.kysely
    .selectFrom("task_forces")
    .select(["id", "name", "agency_id"])
    .orderBy("name")
    .execute();
  return rows.map((tf) => ({
    id: tf.id,
    name: tf.name,
    agencyId: tf.agency_id,
    mayManage: canManageTaskForce(actor, tf),
  }));
}

/**
 * The staff directory for those who build task forces and record certifications: who works
 * where, in which role (membership ids to add them with). No e-mail, no account status.
 */
export async function listStaffDirectory(ctx: AppContext, actor: Actor) {
  const abilities = accountAbilities(actor);
  if (!abilities.manageTaskForces && !abilities.recordCertifications)
    throw await denied(
      ctx,
      actor,
      { action: "staff.list", recordType: "user" },
      forbidden("list staff"),
    );
  return ctx.db.kysely
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .innerJoin("agencies", "agencies.id", "memberships.agency_id")
    .select([
      "memberships.id as membershipId",
      "users.id as userId",
      "users.display_name as displayName",
      "memberships.role",
      "agencies.id as agencyId",
      "agencies.name as agencyName",
    ])
    .where("users.status", "=", "active")
    .orderBy("users.display_name")
    .limit(5000)
    .execute();
}
