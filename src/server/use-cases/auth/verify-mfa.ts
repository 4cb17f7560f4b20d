import type { MfaInput } from "../../../contract/auth/inputs.ts";
import { recordSecurityEvent } from "../../audit/security-events.ts";
import { checkTotp } from "../../auth/totp.ts";
import type { AppContext } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { accountsOutsideUnit } from "../../repositories/accounts/account-repositories.ts";
import { invalidCredentials } from "./invalid-credentials.ts";
import {
  type PendingSession,
  partyOf,
  recordSecondStepFailure,
  refuseLocked,
} from "./pending-session.ts";

/** The second sign-in step: a fresh TOTP code (never one already used) or a recovery code. */
export async function verifyMfa(ctx: AppContext, p: PendingSession, input: MfaInput) {
  const userId = p.session.user_id;
  const factors = accountsOutsideUnit(ctx).secondFactors;
  const factor = await factors.factorOf(userId);
  if (!factor.enabledAt || !factor.secret)
    throw new AppError("mfa_not_enrolled", "Set up two-step sign-in first.");
  let accepted: { step?: number; recoveryCodeId?: string } | null = null;
  if ("code" in input) {
    const step = await checkTotp(factor.secret, input.code, ctx.clock.now(), factor.lastStep);
    if (step !== null) accepted = { step };
  } else {
    const recoveryCodeId = await factors.findUnusedRecoveryCode(userId, input.recoveryCode);
    if (recoveryCodeId) accepted = { recoveryCodeId };
  }
  const method = "code" in input ? "totp" : "recovery_code";
  if (!accepted) {
    await recordSecondStepFailure(ctx, p, {
      action: "auth.mfa",
      recordType: "user",
      recordId: userId,
      outcome: "failed",
      detail: { method },
    });
    throw invalidCredentials();
  }
  const session = await recordSecurityEvent(ctx, partyOf(p), async (e) => {
    if (await e.repos.signInFailures.takeAccount(userId)) return null;
    if (accepted.step !== undefined)
      await e.repos.secondFactors.rememberStep(userId, accepted.step);
    if (accepted.recoveryCodeId)
      await e.repos.secondFactors.spendRecoveryCode(accepted.recoveryCodeId);
    // Password and second factor: the sign-in is complete, so earlier failures are forgotten.
    await e.repos.signInFailures.clear(userId);
    const upgraded = await e.repos.sessions.upgrade(p.session, p.token);
    e.record({
      action: "auth.mfa",
      recordType: "user",
      recordId: userId,
      outcome: "allowed",
      detail: { method },
    });
    return upgraded;
  });
  return session ?? refuseLocked(ctx, p, "auth.mfa");
}
