import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../db/database.ts";
import { checkReadiness } from "../use-cases/operations/check-readiness.ts";

const healthReply = z.object({ status: z.literal("ok") });
const readyReply = z.object({
  status: z.enum(["ready", "not_ready"]),
  database: z.enum(["sqlite", "postgres"]),
  pendingMigrations: z.array(z.string()),
});

export const healthRoutes =
  (db: Db): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      "/healthz",
      {
        schema: {
          tags: ["operations"],
          summary: "The process is up",
          response: { 200: healthReply },
        },
      },
      async () => ({ status: "ok" as const }),
    );
    r.get(
      "/readyz",
      {
        schema: {
          tags: ["operations"],
          summary: "The database answers and all migrations are applied",
          response: { 200: readyReply, 503: readyReply },
        },
      },
      async (_req, reply) => {
        const readiness = await checkReadiness(db);
        return reply.code(readiness.status === "ready" ? 200 : 503).send(readiness);
      },
    );
  };
