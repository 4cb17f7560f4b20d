import { z } from "zod";
import { isRole, ROLES } from "../../domain/roles.ts";
import { type Actor, auditContextFor } from "../access/actor.ts";
import { appendAudit } from "../audit/audit-log.ts";
import type { AppContext } from "../context.ts";
import { AppError, badRequest, conflict } from "../errors.ts";
import { newId } from "../ids.ts";
import { hashPassword, passwordProblem } from "../security/passwords.ts";

export const createUserInput = z.strictObject({
  email: z
    .email()
    .max(254)
    .transform((e) => e.toLowerCase()),
  displayName: z.string().trim().min(1).max(200),
  password: z.string(),
  agencyId: z.string().min(1),
  role: z.enum(ROLES),
});
export type CreateUserInput = z.input<typeof createUserInput>;

/**
 * Creates an account with one membership. The password must pass the policy (passwords.ts);
 * `passwordHash` lets bulk demo seeding reuse one argon2 hash instead of computing thousands.
 */
export async function createUser(
  ctx: AppContext,
  raw: CreateUserInput,
  actor: Actor | null,
  options: { passwordHash?: string } = {},
): Promise<{ userId: string; membershipId: string }> {
  const input = createUserInput.parse(raw);
  if (!isRole(input.role)) throw badRequest("role: unknown role", "role");
  let passwordHash = options.passwordHash;
  if (!passwordHash) {
    const problem = await passwordProblem(input.password, input.email);
    if (problem) throw badRequest(`password: ${problem}`, "password");
    passwordHash = await hashPassword(input.password);
  }
  const now = ctx.clock.now().toISOString();
  const userId = newId();
  const membershipId = newId();
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const agency = await trx
      .selectFrom("agencies")
      .select("id")
      .where("id", "=", input.agencyId)
      .executeTakeFirst();
    if (!agency) throw new AppError("not_found", "No such agency.", "agencyId");
    const existing = await trx
      .selectFrom("users")
      .select("id")
      .where("email", "=", input.email)
      .executeTakeFirst();
    if (existing) throw conflict("An account with this e-mail address already exists.");
    await trx
      .insertInto("users")
      .values({
        id: userId,
        email: input.email,
        display_name: input.displayName,
        password_hash: passwordHash,
        status: "active",
        locked_at: null,
        mfa_secret: null,
        mfa_enabled_at: null,
        mfa_last_step: null,
        language: "en",
        created_at: now,
        password_changed_at: now,
      })
      .execute();
    await trx
      .insertInto("memberships")
      .values({
        id: membershipId,
        user_id: userId,
        agency_id: input.agencyId,
        role: input.role,
        created_at: now,
      })
      .execute();
    await appendAudit(trx, auditContextFor(actor, ctx.clock), [
      {
        action: "user.create",
        recordType: "user",
        recordId: userId,
        outcome: "allowed",
        detail: { role: input.role },
      },
    ]);
    return { userId, membershipId };
  });
}
