import { appendAudit } from "../audit/audit-log.ts";
import type { RequestAuth } from "../auth/authenticate.ts";
import { destroySession } from "../auth/sessions.ts";
import type { AppContext } from "../context.ts";

/** Ends the session at once (the token is useless from the next request) and audits it. */
export async function signOut(
  ctx: AppContext,
  auth: RequestAuth,
  clientIp: string | null,
): Promise<void> {
  const session = auth.session;
  if (!session) return;
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await destroySession(trx, session.token);
    const who = auth.actor ?? auth.pending;
    await appendAudit(
      trx,
      {
        actor: {
          userId: session.row.user_id,
          agencyId: who?.agencyId ?? null,
          role: auth.actor?.role ?? auth.pending?.role ?? null,
        },
        clientIp,
        clock: ctx.clock,
      },
      [
        {
          action: "auth.logout",
          recordType: "user",
          recordId: session.row.user_id,
          outcome: "allowed",
        },
      ],
    );
  });
}
