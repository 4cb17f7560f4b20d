import type { SignInInput } from "../../../contract/auth/inputs.ts";
import { isRole } from "../../../domain/roles.ts";
import { requiresMfa } from "../../access/policy.ts";
import { recordSecurityEvent } from "../../audit/security-events.ts";
import type { AppContext } from "../../context.ts";
import { accountsOutsideUnit } from "../../repositories/accounts/account-repositories.ts";
import { decoyHash, verifyPassword } from "../../security/passwords.ts";
import { invalidCredentials } from "./invalid-credentials.ts";

export type SignInStatus = "signed_in" | "mfa_required" | "mfa_enrolment_required";

export interface SignInResult {
  status: SignInStatus;
  token: string;
  csrfToken: string;
  expiresAt: string;
}

/**
 * Password step of signing in (ASVS V6; CJIS 5.5.3: lock after 5 failures in 15 minutes until an
 * administrator unlocks, counted with the second step's failures by the sign-in failures
 * repository). Roles that need a second factor (`requiresMfa`) then need a TOTP step. A security
 * event, not case work: each outcome, a refusal included, is recorded by `recordSecurityEvent`.
 */
export async function signIn(
  ctx: AppContext,
  input: SignInInput,
  clientIp: string | null,
): Promise<SignInResult> {
  const user = await accountsOutsideUnit(ctx).users.firstMembershipByEmail(input.email);
  // The password is checked (against a decoy hash when there is no account) before anything is
  // said, so the time taken does not tell which addresses have accounts.
  const passwordOk = await verifyPassword(
    user?.passwordHash ?? (await decoyHash()),
    input.password,
  );
  const party = {
    actor: user ? { userId: user.id, agencyId: user.agencyId, role: user.role } : null,
    clientIp,
  };

  if (user?.status !== "active" || user.lockedAt !== null || !isRole(user.role)) {
    const reason = !user
      ? "unknown_account"
      : user.status !== "active"
        ? "disabled"
        : user.lockedAt
          ? "locked"
          : "bad_role";
    await recordSecurityEvent(ctx, party, async (e) =>
      e.record({
        action: "auth.login",
        recordType: "user",
        ...(user ? { recordId: user.id } : {}),
        outcome: "denied",
        detail: { reason },
      }),
    );
    throw invalidCredentials();
  }

  if (!passwordOk) {
    await recordSecurityEvent(ctx, party, async (e) => {
      const lockout = await e.repos.signInFailures.record(user.id);
      e.record(
        {
          action: "auth.login",
          recordType: "user",
          recordId: user.id,
          outcome: "failed",
          detail: { reason: "bad_password" },
        },
        ...lockout,
      );
    });
    throw invalidCredentials();
  }

  const needsMfa = requiresMfa(user.role);
  const status: SignInStatus = !needsMfa
    ? "signed_in"
    : user.mfaEnabledAt
      ? "mfa_required"
      : "mfa_enrolment_required";
  return recordSecurityEvent(ctx, party, async (e) => {
    // The right password alone forgets nothing: a role that needs MFA is signed in (and its
    // failures forgotten) only once the second step succeeds (verify-mfa.ts).
    if (!needsMfa) await e.repos.signInFailures.clear(user.id);
    const session = await e.repos.sessions.open({
      userId: user.id,
      membershipId: user.membershipId,
      mfaPassed: !needsMfa,
      clientIp,
    });
    e.record({
      action: "auth.login",
      recordType: "user",
      recordId: user.id,
      outcome: "allowed",
      detail: { next: status },
    });
    return { status, ...session };
  });
}
