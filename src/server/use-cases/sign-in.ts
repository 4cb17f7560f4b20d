import { z } from "zod";
import { isRole, ROLE_POLICIES } from "../../domain/roles.ts";
import { type AuditEntry, appendAudit } from "../audit/audit-log.ts";
import { clearSignInFailures, recordSignInFailure } from "../auth/lockout.ts";
import { createSession } from "../auth/sessions.ts";
import type { AppContext } from "../context.ts";
import { AppError } from "../errors.ts";
import { decoyHash, verifyPassword } from "../security/passwords.ts";

export const signInInput = z.strictObject({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1024),
});

/** One answer for every refusal: it must not tell whether the account exists or is locked. */
export const invalidCredentials = () =>
  new AppError(
    "invalid_credentials",
    "The e-mail address or password is not right, or the account is locked.",
  );

export type SignInStatus = "signed_in" | "mfa_required" | "mfa_enrolment_required";

export interface SignInResult {
  status: SignInStatus;
  token: string;
  csrfToken: string;
  expiresAt: string;
}

/**
 * Password step of signing in (ASVS V6; CJIS 5.5.3: lock after 5 failures in 15 minutes until an
 * administrator unlocks, counted with the second step's failures in `auth/lockout.ts`). Roles
 * that see identities then need a TOTP step.
 */
export async function signIn(
  ctx: AppContext,
  raw: z.input<typeof signInInput>,
  clientIp: string | null,
): Promise<SignInResult> {
  const input = signInInput.parse(raw);
  const email = input.email.toLowerCase();
  const user = await ctx.db.kysely
    .selectFrom("users")
    .innerJoin("memberships", "memberships.user_id", "users.id")
    .innerJoin("agencies", "agencies.id", "memberships.agency_id")
    .select([
      "users.id",
      "users.password_hash",
      "users.status",
      "users.locked_at",
      "users.mfa_enabled_at",
      "memberships.id as membershipId",
      "memberships.role",
      "memberships.agency_id as agencyId",
    ])
    .where("users.email", "=", email)
    .orderBy("memberships.created_at")
    .executeTakeFirst();
  const audit = (actor: typeof user, entries: AuditEntry[]) => ({
    ctx: {
      actor: actor ? { userId: actor.id, agencyId: actor.agencyId, role: actor.role } : null,
      clientIp,
      clock: ctx.clock,
    },
    entries,
  });
  const passwordOk = await verifyPassword(
    user?.password_hash ?? (await decoyHash()),
    input.password,
  );

  if (user?.status !== "active" || user.locked_at !== null || !isRole(user.role)) {
    const reason = !user
      ? "unknown_account"
      : user.status !== "active"
        ? "disabled"
        : user.locked_at
          ? "locked"
          : "bad_role";
    const a = audit(user, [
      {
        action: "auth.login",
        recordType: "user",
        ...(user ? { recordId: user.id } : {}),
        outcome: "denied",
        detail: { reason },
      },
    ]);
    await ctx.db.kysely.transaction().execute((trx) => appendAudit(trx, a.ctx, a.entries));
    throw invalidCredentials();
  }

  if (!passwordOk) {
    await ctx.db.kysely.transaction().execute(async (trx) => {
      const lockout = await recordSignInFailure(trx, ctx.clock, user.id);
      const a = audit(user, [
        {
          action: "auth.login",
          recordType: "user",
          recordId: user.id,
          outcome: "failed",
          detail: { reason: "bad_password" },
        },
        ...lockout,
      ]);
      await appendAudit(trx, a.ctx, a.entries);
    });
    throw invalidCredentials();
  }

  const needsMfa = ROLE_POLICIES[user.role].requiresMfa;
  const status: SignInStatus = !needsMfa
    ? "signed_in"
    : user.mfa_enabled_at
      ? "mfa_required"
      : "mfa_enrolment_required";
  return ctx.db.kysely.transaction().execute(async (trx) => {
    // The right password alone forgets nothing: a role that needs MFA is signed in (and its
    // failures forgotten) only once the second step succeeds (mfa.ts).
    if (!needsMfa) await clearSignInFailures(trx, user.id);
    const session = await createSession(trx, ctx.clock, {
      userId: user.id,
      membershipId: user.membershipId,
      mfaPassed: !needsMfa,
      clientIp,
    });
    const a = audit(user, [
      {
        action: "auth.login",
        recordType: "user",
        recordId: user.id,
        outcome: "allowed",
        detail: { next: status },
      },
    ]);
    await appendAudit(trx, a.ctx, a.entries);
    return { status, ...session };
  });
}
