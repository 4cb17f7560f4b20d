import { performance } from "node:perf_hooks";
import type { AppContext } from "../context.ts";
import { metrics } from "../metrics.ts";
import { DEFAULT_SEAL_BATCH, sealPending, unsealedBacklog } from "./audit-sealer.ts";

export interface AuditSealerOptions {
  /** Pause between rounds when nothing is left to seal; bounds the sealer's lag. */
  everyMs?: number;
  batch?: number;
  onError?: (e: unknown) => void;
}

/** How often the backlog is counted while draining (every round once drained). */
const MEASURE_WHILE_DRAINING_MS = 1000;

/**
 * The sealer of one server process: a round every `everyMs`, back to back while a full batch was
 * sealed (a backlog drains at full speed). Every server process runs one; on PostgreSQL only the
 * holder of the advisory lock seals in a round, the others find it taken and wait for the next.
 * Each round also sets the metrics (unsealed rows, lag), so every server reports them.
 * The timer is unref'd: the sealer never keeps a process alive; `stop()` waits for the round.
 */
export function startAuditSealer(ctx: AppContext, options: AuditSealerOptions = {}) {
  const everyMs = options.everyMs ?? 200;
  const batch = options.batch ?? DEFAULT_SEAL_BATCH;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let measuredAt = 0;

  const round = async (): Promise<boolean> => {
    const started = performance.now();
    const result = await sealPending(ctx.db, ctx.keyring, ctx.clock, { batch });
    if (result.sealed > 0)
      metrics.auditSealBatchSeconds.observe((performance.now() - started) / 1000);
    const draining = result.sealed === batch;
    if (!draining || performance.now() - measuredAt >= MEASURE_WHILE_DRAINING_MS) {
      measuredAt = performance.now();
      const backlog = await unsealedBacklog(ctx.db.kysely);
      metrics.auditUnsealedRows.set(backlog.rows);
      const lagMs =
        backlog.oldestAt === null ? 0 : ctx.clock.now().getTime() - Date.parse(backlog.oldestAt);
      metrics.auditSealerLagSeconds.set(Math.max(0, lagMs) / 1000);
    }
    return draining;
  };

  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      const started = performance.now();
      // Rounds start every `everyMs` (a slow round eats into the pause), so the lag stays near
      // one interval plus one round even when commits are slow.
      running = round().then(
        (draining) => schedule(draining ? 0 : Math.max(0, everyMs - (performance.now() - started))),
        (e) => {
          options.onError?.(e);
          schedule(everyMs);
        },
      );
    }, ms);
    timer.unref();
  };
  schedule(everyMs);

  return {
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
