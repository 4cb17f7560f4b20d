import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Actor } from "../access/actor.ts";
import { ABSOLUTE_TIMEOUT_MS, SESSION_COOKIE } from "../auth/sessions.ts";
import type { AppContext } from "../context.ts";
import { AppError } from "../errors.ts";
import { safeEqual } from "../security/tokens.ts";
import { ANONYMOUS, authenticate, type RequestAuth } from "../use-cases/auth/authenticate.ts";

declare module "fastify" {
  interface FastifyRequest {
    auth: RequestAuth;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Resolves the caller of every API request. Cookie sessions must echo their CSRF token in the
 * `X-CSRF-Token` header on state-changing requests (ASVS V3.5); bearer tokens carry no ambient
 * authority, so they need none.
 */
export function installAuthentication(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest("auth", { getter: () => ANONYMOUS, setter: () => {} } as never);
  // A callback hook: a request with no credentials (a probe, a public page, an asset) costs a
  // prefix test and no promise; only one that presents a cookie or a token awaits the lookup.
  app.addHook("onRequest", (req, _reply, done) => {
    if (!req.url.startsWith("/api/")) return done();
    const { authorization, cookie } = req.headers;
    if (!authorization && !cookie) return done();
    authenticate(ctx, { authorization, cookie }, req.ip).then((auth) => {
      Object.defineProperty(req, "auth", { value: auth, writable: true });
      done(csrfRefusal(req, auth));
    }, done);
  });
}

/** Cookie sessions echo their CSRF token on state-changing requests; bearer tokens need none. */
function csrfRefusal(req: FastifyRequest, auth: RequestAuth): AppError | undefined {
  if (!auth.session || SAFE_METHODS.has(req.method)) return undefined;
  const sent = req.headers["x-csrf-token"];
  if (typeof sent === "string" && safeEqual(sent, auth.session.row.csrf_token)) return undefined;
  return new AppError(
    "csrf_failed",
    "This request is missing its security token; reload the page and try again.",
  );
}

export const unauthenticated = () => new AppError("unauthenticated", "Please sign in.");

/** The signed-in caller (past MFA), or 401. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.auth.actor) throw unauthenticated();
  return req.auth.actor;
}

export function setSessionCookie(reply: FastifyReply, token: string): void {
  reply.header(
    "Set-Cookie",
    `${SESSION_COOKIE}=${token}; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=${ABSOLUTE_TIMEOUT_MS / 1000}`,
  );
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.header(
    "Set-Cookie",
    `${SESSION_COOKIE}=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0`,
  );
}
