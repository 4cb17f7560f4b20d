import type { AuditEntry } from "../../audit/audit-log.ts";
import { recordSecurityEvent } from "../../audit/security-events.ts";
import type { AppContext } from "../../context.ts";
import type { SessionRow } from "../../db/schema.ts";
import { invalidCredentials } from "./invalid-credentials.ts";

/** A cookie session past the password step that still owes its second factor. */
export interface PendingSession {
  session: SessionRow;
  token: string;
  clientIp: string | null;
  role: string;
  agencyId: string;
}

/** Who a second-step event is about: the pending session's account, role and agency. */
export function partyOf(p: PendingSession) {
  return {
    actor: { userId: p.session.user_id, agencyId: p.agencyId, role: p.role },
    clientIp: p.clientIp,
  };
}

/** A failed second step counts toward the lockout (CJIS 5.5.3), recorded with it. */
export function recordSecondStepFailure(
  ctx: AppContext,
  p: PendingSession,
  failed: AuditEntry,
): Promise<void> {
  return recordSecurityEvent(ctx, partyOf(p), async (e) => {
    const lockout = await e.repos.signInFailures.record(p.session.user_id);
    e.record(failed, ...lockout);
  });
}

/**
 * A right code for an account locked meanwhile (a parallel attempt was the fifth failure) is
 * refused like any locked sign-in; the lockout already ended the pending session.
 */
export async function refuseLocked(
  ctx: AppContext,
  p: PendingSession,
  action: string,
): Promise<never> {
  await recordSecurityEvent(ctx, partyOf(p), async (e) =>
    e.record({
      action,
      recordType: "user",
      recordId: p.session.user_id,
      outcome: "denied",
      detail: { reason: "locked" },
    }),
  );
  throw invalidCredentials();
}
