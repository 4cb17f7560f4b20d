import type { ConfirmMfaEnrolmentInput } from "../../../contract/auth/inputs.ts";
import { recordSecurityEvent } from "../../audit/security-events.ts";
import { checkTotp } from "../../auth/totp.ts";
import type { AppContext } from "../../context.ts";
import { AppError, conflict } from "../../errors.ts";
import { accountsOutsideUnit } from "../../repositories/accounts/account-repositories.ts";
import { randomToken } from "../../security/tokens.ts";
import {
  type PendingSession,
  partyOf,
  recordSecondStepFailure,
  refuseLocked,
} from "./pending-session.ts";

const RECOVERY_CODES = 10;

/** Step 2 of enrolment: the first code proves the app is set up; recovery codes are shown once. */
export async function confirmMfaEnrolment(
  ctx: AppContext,
  p: PendingSession,
  input: ConfirmMfaEnrolmentInput,
) {
  const userId = p.session.user_id;
  const factor = await accountsOutsideUnit(ctx).secondFactors.factorOf(userId);
  if (factor.enabledAt) throw conflict("Two-step sign-in is already set up for this account.");
  if (!factor.secret) throw new AppError("mfa_not_started", "Start the set-up first.");
  const step = await checkTotp(factor.secret, input.code, ctx.clock.now(), null);
  if (step === null) {
    await recordSecondStepFailure(ctx, p, {
      action: "mfa.enrol",
      recordType: "user",
      recordId: userId,
      outcome: "failed",
    });
    throw new AppError(
      "invalid_code",
      "That code is not right. Check the time on your phone and try again.",
      "code",
    );
  }
  const recoveryCodes = Array.from({ length: RECOVERY_CODES }, () => randomToken(10));
  const result = await recordSecurityEvent(ctx, partyOf(p), async (e) => {
    if (await e.repos.signInFailures.takeAccount(userId)) return null;
    await e.repos.secondFactors.enable(userId, step, recoveryCodes);
    // Confirming enrolment completes the sign-in: earlier failures are forgotten.
    await e.repos.signInFailures.clear(userId);
    const session = await e.repos.sessions.upgrade(p.session, p.token);
    e.record({ action: "mfa.enrol", recordType: "user", recordId: userId, outcome: "allowed" });
    return { recoveryCodes, ...session };
  });
  return result ?? refuseLocked(ctx, p, "mfa.enrol");
}
