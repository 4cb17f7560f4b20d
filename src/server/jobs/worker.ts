import type { AppContext } from "../context.ts";
import type { Mailer } from "../mail/mailer.ts";
import { runDeadlineJob } from "./deadline-jobs.ts";
import { completeJob, failJob, leaseDueJobs } from "./job-queue.ts";

const HANDLERS: Record<string, typeof runDeadlineJob> = {
  "obligation.reminder": runDeadlineJob,
  "obligation.escalation": runDeadlineJob,
};

/** Runs every job due now once; returns how many ran. */
export async function runDueJobs(
  ctx: AppContext,
  mailer: Mailer,
  owner: string,
  batch = 50,
): Promise<number> {
  let ran = 0;
  for (;;) {
    const jobs = await leaseDueJobs(ctx.db, ctx.clock, owner, batch);
    if (jobs.length === 0) return ran;
    for (const job of jobs) {
      const handler = HANDLERS[job.kind];
      try {
        if (!handler) throw new Error(`no handler for ${job.kind}`);
        const mails = await handler(ctx, job);
        for (const mail of mails) await mailer.send(mail);
        await completeJob(ctx.db, ctx.clock, job.id, owner);
        ran += 1;
      } catch (e) {
        await failJob(
          ctx.db,
          ctx.clock,
          job.id,
          owner,
          job.attempts,
          e instanceof Error ? e.message : String(e),
        );
      }
    }
  }
}

/** The background loop of a server process; `stop()` waits for the round in progress. */
export function startWorker(
  ctx: AppContext,
  mailer: Mailer,
  owner: string,
  everyMs = 15_000,
  onError?: (e: unknown) => void,
) {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => runDueJobs(ctx, mailer, owner)).catch((e) => onError?.(e));
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
