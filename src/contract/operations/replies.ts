import { z } from "zod";

/** What the health and readiness probes answer (for load balancers and orchestrators). */

const ready = z.object({
  status: z.enum(["ready", "not_ready"]),
  database: z.enum(["sqlite", "postgres"]),
  pendingMigrations: z.array(z.string()),
});

export const operationsReplies = {
  health: z.object({ status: z.literal("ok") }),
  /** The same body with 200 (ready) and 503 (not ready). */
  ready,
};
