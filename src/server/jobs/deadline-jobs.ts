import { ACTION_CATALOGUE } from "../../domain/assessment/actions.ts";
import type { ActionId } from "../../domain/assessment/vocabulary.ts";
import { citationText } from "../../domain/citations.ts";
import { translate } from "../../domain/i18n/index.ts";
import { formatLocal } from "../../domain/time.ts";
import { appendAudit } from "../audit/audit-log.ts";
import type { AppContext } from "../context.ts";
import { newId } from "../ids.ts";
import type { Mail } from "../mail/mailer.ts";

interface Recipient {
  userId: string;
  email: string;
}

/**
 * Reminders and escalations for obligations. Each returns the e-mails to send; the in-app
 * notifications and the audit row are written in one transaction first. An obligation closed
 * in the meantime produces nothing.
 */
export async function runDeadlineJob(
  ctx: AppContext,
  job: { id: string; kind: string; payload: string },
): Promise<Mail[]> {
  const { obligationId, percent } = JSON.parse(job.payload) as {
    obligationId: string;
    percent?: number;
  };
  const o = await ctx.db.kysely
    .selectFrom("obligations")
    .innerJoin("cases", "cases.id", "obligations.case_id")
    .select([
      "obligations.id",
      "obligations.action_id",
      "obligations.owner_role",
      "obligations.owner_user_id",
      "obligations.status",
      "obligations.due_at",
      "cases.id as caseId",
      "cases.case_number",
      "cases.agency_id",
    ])
    .where("obligations.id", "=", obligationId)
    .executeTakeFirst();
  if (o?.status !== "open" || !o.due_at) return [];
  const escalation = job.kind === "obligation.escalation";
  const recipients = escalation
    ? await escalationRecipients(ctx, o.agency_id)
    : await ownerRecipients(ctx, o);
  const label = translate("en", `action.${o.action_id as ActionId}`);
  const due = formatLocal(new Date(o.due_at));
  const subject = escalation
    ? `Overdue on ${o.case_number}: ${label}`
    : `Reminder (${percent}% of the time used) on ${o.case_number}: ${label}`;
  const text = [
    escalation
      ? "This obligation is past its deadline and still open."
      : "This obligation is still open.",
    "",
    `Case: ${o.case_number}`,
    `Obligation: ${label}`,
    `Due: ${due} (${citationText(ACTION_CATALOGUE[o.action_id as ActionId]?.citation ?? "", "en")})`,
    "",
    "Open Waypoint to record what was done. This message never contains personal details.",
  ].join("\n");
  const now = ctx.clock.now().toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    if (recipients.length > 0) {
      await trx
        .insertInto("notifications")
        .values(
          recipients.map((r) => ({
            id: newId(),
            agency_id: null,
            user_id: r.userId,
            kind: job.kind,
            data: JSON.stringify({
              jobId: job.id,
              obligationId,
              caseId: o.caseId,
              caseNumber: o.case_number,
              actionId: o.action_id,
              dueAt: o.due_at,
            }),
            created_at: now,
            read_at: null,
          })),
        )
        .execute();
    }
    await appendAudit(trx, { actor: null, clientIp: null, clock: ctx.clock }, [
      {
        action: escalation ? "obligation.escalate" : "obligation.remind",
        recordType: "obligation",
        recordId: obligationId,
        outcome: "allowed",
        detail: { jobId: job.id, recipients: recipients.length },
      },
    ]);
  });
  return recipients.map((r) => ({
    to: r.email,
    subject,
    text,
    messageId: `${job.id}.${r.userId}`,
  }));
}

async function ownerRecipients(
  ctx: AppContext,
  o: { owner_user_id: string | null; owner_role: string; agency_id: string },
): Promise<Recipient[]> {
  let q = ctx.db.kysely
    .selectFrom("users")
    .innerJoin("memberships", "memberships.user_id", "users.id")
    .select(["users.id as userId", "users.email"])
    .where("users.status", "=", "active");
  q = o.owner_user_id
    ? q.where("users.id", "=", o.owner_user_id)
    : q
        .where("memberships.role", "=", o.owner_role)
        .where("memberships.agency_id", "=", o.agency_id);
  return dedupe(await q.execute());
}

/** The task-force leads of the holding agency and every state coordinator. */
async function escalationRecipients(ctx: AppContext, agencyId: string): Promise<Recipient[]> {
  const rows = await ctx.db.kysely
    .selectFrom("users")
    .innerJoin("memberships", "memberships.user_id", "users.id")
    .select(["users.id as userId", "users.email"])
    .where("users.status", "=", "active")
    .where((eb) =>
      eb.or([
        eb.and([
          eb("memberships.role", "=", "task_force_lead"),
          eb("memberships.agency_id", "=", agencyId),
        ]),
        eb("memberships.role", "=", "state_coordinator"),
      ]),
    )
    .execute();
  return dedupe(rows);
}

function dedupe(rows: Recipient[]): Recipient[] {
  return [...new Map(rows.map((r) => [r.userId, r])).values()];
}
