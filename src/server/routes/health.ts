import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { operationsReplies as s } from "../../contract/operations/replies.ts";
import type { Db } from "../db/database.ts";
import { compiled } from "../http/reply-serializer.ts";
import { routeDocs } from "../http/route-docs.ts";
import { checkReadiness } from "../use-cases/operations/check-readiness.ts";

export const healthRoutes =
  (db: Db): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const route = routeDocs(["operations"], {});
    r.get("/healthz", route("The process is up", {}, { 200: compiled(s.health) }), async () => ({
      status: "ok" as const,
    }));
    r.get(
      "/readyz",
      route(
        "The database answers and all migrations are applied",
        {},
        { 200: s.ready, 503: s.ready },
      ),
      async (_req, reply) => {
        const readiness = await checkReadiness(db);
        return reply.code(readiness.status === "ready" ? 200 : 503).send(readiness);
      },
    );
  };
