import { recordSecurityEvent } from "../../audit/security-events.ts";
import type { AppContext } from "../../context.ts";
import type { RequestAuth } from "./authenticate.ts";

/** Ends the session at once (the token is useless from the next request) and records it. */
export async function signOut(
  ctx: AppContext,
  auth: RequestAuth,
  clientIp: string | null,
): Promise<void> {
  const session = auth.session;
  if (!session) return;
  const who = auth.actor ?? auth.pending;
  const party = {
    actor: {
      userId: session.row.user_id,
      agencyId: who?.agencyId ?? null,
      role: auth.actor?.role ?? auth.pending?.role ?? null,
    },
    clientIp,
  };
  await recordSecurityEvent(ctx, party, async (e) => {
    await e.repos.sessions.end(session.token);
    e.record({
      action: "auth.logout",
      recordType: "user",
      recordId: session.row.user_id,
      outcome: "allowed",
    });
  });
}
