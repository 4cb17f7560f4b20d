import { existsSync } from "node:fs";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyReply } from "fastify";
import { jsonSchemaTransform, validatorCompiler } from "fastify-type-provider-zod";
import type { Config, TrustProxy } from "./config.ts";
import type { AppContext } from "./context.ts";
import { AppError, errorBody } from "./errors.ts";
import { installAuthentication } from "./http/auth-hook.ts";
import { installErrorHandling, installNotFound } from "./http/error-handler.ts";
import { replySerializerCompiler } from "./http/reply-serializer.ts";
import { lazyRequestLogger, OneLinePerRequest } from "./http/request-log.ts";
import { installSecurityHeaders } from "./http/security-headers.ts";
import { installTextInputGuard } from "./http/text-input.ts";
import { loggerOptions } from "./logger.ts";
import { administrationRoutes } from "./routes/administration.ts";
import { assessmentRoutes, type PublicRateLimit } from "./routes/assessments.ts";
import { assignmentRoutes } from "./routes/assignment.ts";
import { authRoutes } from "./routes/auth.ts";
import { caseFileRoutes } from "./routes/case-file.ts";
import { casePeopleRoutes } from "./routes/case-people.ts";
import { caseRoutes } from "./routes/cases.ts";
import { consentRoutes } from "./routes/consent.ts";
import { coordinationRoutes } from "./routes/coordination.ts";
import { healthRoutes } from "./routes/health.ts";
import { intakeRoutes } from "./routes/intake.ts";
import { metricsRoutes } from "./routes/metrics.ts";
import { myWorkRoutes } from "./routes/my-work.ts";
import { notificationRoutes } from "./routes/notifications.ts";
import { questionnaireRoutes } from "./routes/questionnaire.ts";
import { referenceRoutes } from "./routes/reference.ts";

export interface RouteEntry {
  method: string;
  url: string;
}

declare module "fastify" {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

export interface AppDeps {
  config: Pick<Config, "logLevel" | "env"> & Partial<Pick<Config, "trustProxy" | "metricsToken">>;
  ctx: AppContext;
  /** Built front end (index.html and assets); absent in API-only tests. */
  webRoot?: string;
  version?: string;
  publicRateLimit?: PublicRateLimit;
  loginRateLimit?: PublicRateLimit;
  /** Largest document upload in bytes (default 10 MiB). */
  maxUploadBytes?: number;
  /** Where log lines go (default stdout); tests capture them to look for leaks. */
  logStream?: { write(line: string): void };
}

const DEFAULT_PUBLIC_RATE_LIMIT: PublicRateLimit = { max: 60, timeWindow: "1 minute" };
// Sign-in attempts per client address; the per-account lockout is separate (sign-in.ts).
const DEFAULT_LOGIN_RATE_LIMIT: PublicRateLimit = { max: 20, timeWindow: "1 minute" };

/**
 * Fastify's form of WAYPOINT_TRUST_PROXY. With it, `req.ip` (used by the audit, the sessions,
 * the log and the rate limits) is the client named by trusted proxies in X-Forwarded-For, and
 * the socket address otherwise. Fastify no longer honours a bare hop count (it cannot check the
 * peer), so a count becomes a function; config.ts allows one only on a loopback HOST.
 */
function fastifyTrustProxy(setting: TrustProxy | undefined) {
  if (!setting) return false;
  if (Array.isArray(setting)) return setting;
  const { hops } = setting;
  return (_address: string, hop: number) => hop < hops;
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      ...loggerOptions(deps.config.logLevel),
      ...(deps.logStream ? { stream: deps.logStream } : {}),
    },
    trustProxy: fastifyTrustProxy(deps.config.trustProxy),
    bodyLimit: 1_048_576,
    logController: new OneLinePerRequest(),
    childLoggerFactory: lazyRequestLogger,
    // Ids up to 1000 characters reach the routes (and answer 404 like any unknown id); errors
    // the router raises itself (a longer id, bad percent-encoding) still use our error body.
    routerOptions: { maxParamLength: 1000 },
    frameworkErrors: (error, _req, reply) => {
      const e =
        error.statusCode === 414
          ? new AppError("not_found", "No such resource.")
          : new AppError("invalid_request", "The request URL is malformed.");
      // The framework's reply type knows no routes yet; the body is our one error shape.
      (reply as unknown as FastifyReply).code(e.status).send(errorBody(e));
    },
  });
  // The route table: the authorization matrix test checks every entry has a reviewed policy.
  const routeTable: RouteEntry[] = [];
  app.decorate("routeTable", routeTable);
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (route.url.startsWith("/api/docs")) return;
    for (const method of methods)
      if (method !== "HEAD") routeTable.push({ method, url: route.url });
  });
  app.setValidatorCompiler(validatorCompiler);
  // Compiled serializers for the replies hot routes mark; outside production each such reply
  // is also checked by zod, and its compiled text against zod's.
  app.setSerializerCompiler(
    replySerializerCompiler({ crossCheck: deps.config.env !== "production" }),
  );
  installErrorHandling(app);
  // Before any route is registered: every route's input passes the NUL check.
  installTextInputGuard(app);
  installSecurityHeaders(app, { hsts: deps.config.env === "production" });

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "Waypoint API",
        version: deps.version ?? "0.0.0",
        description: "Coordinated response to human trafficking in Mississippi.",
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  // Limits only the routes that opt in (public, unauthenticated ones), per client address.
  await app.register(fastifyRateLimit, { global: false });

  installAuthentication(app, deps.ctx);
  const publicLimit = deps.publicRateLimit ?? DEFAULT_PUBLIC_RATE_LIMIT;

  await app.register(healthRoutes(deps.ctx.db));
  await app.register(metricsRoutes(deps.config.metricsToken ?? null));
  await app.register(authRoutes(deps.ctx, deps.loginRateLimit ?? DEFAULT_LOGIN_RATE_LIMIT));
  await app.register(caseRoutes(deps.ctx));
  await app.register(consentRoutes(deps.ctx));
  await app.register(intakeRoutes(deps.ctx, publicLimit));
  await app.register(coordinationRoutes(deps.ctx));
  await app.register(administrationRoutes(deps.ctx));
  await app.register(myWorkRoutes(deps.ctx));
  await app.register(notificationRoutes(deps.ctx));
  await app.register(assignmentRoutes(deps.ctx));
  await app.register(casePeopleRoutes(deps.ctx));
  await app.register(
    caseFileRoutes(deps.ctx, { maxUploadBytes: deps.maxUploadBytes ?? 10 * 1024 * 1024 }),
  );
  await app.register(assessmentRoutes(publicLimit));
  await app.register(questionnaireRoutes(publicLimit));
  await app.register(referenceRoutes);

  const spaShell = deps.webRoot !== undefined && existsSync(deps.webRoot);
  if (spaShell) {
    // preCompressed: the web build writes .br/.gz beside each asset (vite.config.ts).
    await app.register(fastifyStatic, {
      root: deps.webRoot as string,
      wildcard: false,
      preCompressed: true,
    });
  }
  installNotFound(app, { spaShell });
  return app;
}
