import { ACTION_CATALOGUE } from "../../domain/assessment/actions.ts";
import type { ActionId } from "../../domain/assessment/vocabulary.ts";
import { citationText } from "../../domain/citations.ts";
import { translate } from "../../domain/i18n/index.ts";
import { formatLocal } from "../../domain/time.ts";
import type { AppContext } from "../context.ts";
import type { Mail } from "../mail/mailer.ts";
import { withoutCaller } from "../unit-of-work/without-caller.ts";

/**
 * Reminders and escalations for obligations. Each returns the e-mails to send; the in-app
 * notifications and the audit row are written in one unit of work first (no caller: the system
 * acts on its own schedule). An obligation closed in the meantime produces nothing, and no row.
 * Who is told of an escalation is the access policy's to say (`receivesEscalationFor`).
 */
export function runDeadlineJob(
  ctx: AppContext,
  job: { id: string; kind: string; payload: string },
): Promise<Mail[]> {
  const { obligationId, percent } = JSON.parse(job.payload) as {
    obligationId: string;
    percent?: number;
  };
  const escalation = job.kind === "obligation.escalation";
  const spec = {
    action: escalation ? "obligation.escalate" : "obligation.remind",
    recordType: "obligation",
    recordId: obligationId,
  };
  return withoutCaller(ctx, spec, async (w) => {
    const o = await w.repos.deadlines.stillRunning(obligationId);
    // A reminder that runs after the deadline (the worker was down) would say "due" of what is
    // overdue; the escalation says that, so the late reminder is dropped.
    const stale = !escalation && o !== undefined && Date.parse(o.due_at) <= w.now.getTime();
    if (!o || stale) {
      w.nothingDone();
      return [];
    }
    const recipients = escalation
      ? await w.repos.deadlines.escalationRecipients(o.agency_id)
      : await w.repos.deadlines.owners(o);
    await w.repos.deadlines.notify(recipients, job.kind, {
      jobId: job.id,
      obligationId,
      caseId: o.caseId,
      caseNumber: o.case_number,
      actionId: o.action_id,
      dueAt: o.due_at,
      ...(percent === undefined ? {} : { percent: String(percent) }),
    });
    w.record({ detail: { jobId: job.id, recipients: recipients.length } });
    const label = translate("en", `action.${o.action_id as ActionId}`);
    const subject = escalation
      ? `Overdue on ${o.case_number}: ${label}`
      : `Reminder (${percent}% of the time used) on ${o.case_number}: ${label}`;
    const citation = ACTION_CATALOGUE[o.action_id as ActionId]?.citation ?? "";
    const text = [
      escalation
        ? "This obligation is past its deadline and still open."
        : "This obligation is still open.",
      "",
      `Case: ${o.case_number}`,
      `Obligation: ${label}`,
      `Due: ${formatLocal(new Date(o.due_at))} (${citationText(citation, "en")})`,
      "",
      "Open Waypoint to record what was done. This message never contains personal details.",
    ].join("\n");
    return recipients.map((r) => ({
      to: r.email,
      subject,
      text,
      messageId: `${job.id}.${r.userId}`,
    }));
  });
}
