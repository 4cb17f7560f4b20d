import type { FastifyPluginAsync } from "fastify";
import { AppError } from "../errors.ts";
import { metrics } from "../metrics.ts";
import { safeEqual } from "../security/tokens.ts";

/**
 * GET /metrics: Prometheus text for a scraper holding the metrics token (WAYPOINT_METRICS_TOKEN,
 * `Authorization: Bearer <token>`, compared in constant time). Without a configured token the
 * route does not exist to the outside (404). Not an API route: outside /api/, no session, not in
 * the OpenAPI document, never audited (it reveals no person or case, only counts and timings).
 */
export const metricsRoutes =
  (token: string | null): FastifyPluginAsync =>
  async (app) => {
    app.get("/metrics", { schema: { hide: true } }, async (req, reply) => {
      if (token === null) throw new AppError("not_found", "No such resource.");
      const sent = req.headers.authorization ?? "";
      if (!safeEqual(sent, `Bearer ${token}`))
        throw new AppError("unauthenticated", "This needs the metrics token.");
      return reply
        .header("Cache-Control", "no-store")
        .type(metrics.registry.contentType)
        .send(await metrics.registry.metrics());
    });
  };
