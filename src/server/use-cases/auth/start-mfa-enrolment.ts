import { enrolmentDetails, newTotpSecret } from "../../auth/totp.ts";
import type { AppContext } from "../../context.ts";
import { conflict } from "../../errors.ts";
import { accountsOutsideUnit } from "../../repositories/accounts/account-repositories.ts";
import type { PendingSession } from "./pending-session.ts";

/**
 * Step 1 of enrolment: a new secret (kept encrypted, not yet active) as a QR code and URI.
 * Not audited, as before: nothing is enabled until the first code confirms it (which is).
 */
export async function startMfaEnrolment(ctx: AppContext, p: PendingSession) {
  const accounts = accountsOutsideUnit(ctx);
  const user = await accounts.secondFactors.enrolmentOf(p.session.user_id);
  if (user.enabledAt) throw conflict("Two-step sign-in is already set up for this account.");
  const secret = newTotpSecret();
  await accounts.secondFactors.startEnrolment(p.session.user_id, secret);
  return { secret, ...(await enrolmentDetails(secret, user.email)) };
}
