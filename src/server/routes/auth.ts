import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { confirmMfaEnrolmentInput, mfaInput, signInInput } from "../../contract/auth/inputs.ts";
import { authReplies as s } from "../../contract/auth/replies.ts";
import type { AppContext } from "../context.ts";
import {
  clearSessionCookie,
  requireActor,
  setSessionCookie,
  unauthenticated,
} from "../http/auth-hook.ts";
import { errorRepliesFor } from "../http/error-schema.ts";
import { noContent, routeDocs } from "../http/route-docs.ts";
import { getMe } from "../use-cases/accounts/get-me.ts";
import { confirmMfaEnrolment } from "../use-cases/auth/confirm-mfa-enrolment.ts";
import { signIn } from "../use-cases/auth/sign-in.ts";
import { signOut } from "../use-cases/auth/sign-out.ts";
import { startMfaEnrolment } from "../use-cases/auth/start-mfa-enrolment.ts";
import { verifyMfa } from "../use-cases/auth/verify-mfa.ts";

const errors = errorRepliesFor(400, 401, 403, 409, 429);

function pending(req: FastifyRequest) {
  const p = req.auth.pending;
  if (!p) throw unauthenticated();
  return { ...p, clientIp: req.ip };
}

/** Sign-in, two-step verification and sign-out. */
export const authRoutes =
  (ctx: AppContext, loginLimit: { max: number; timeWindow: string }): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const route = routeDocs(["auth"], errors);
    r.post(
      "/api/v1/auth/login",
      {
        config: { rateLimit: loginLimit },
        ...route("Sign in with e-mail and password", { body: signInInput }, { 200: s.session }),
      },
      async (req, reply) => {
        const result = await signIn(ctx, req.body, req.ip);
        setSessionCookie(reply, result.token);
        return { status: result.status, csrfToken: result.csrfToken, expiresAt: result.expiresAt };
      },
    );
    r.post(
      "/api/v1/auth/mfa/enrol",
      {
        config: { rateLimit: loginLimit },
        ...route("Start setting up an authenticator app (QR code)", {}, { 200: s.mfaEnrolment }),
      },
      async (req) => startMfaEnrolment(ctx, pending(req)),
    );
    r.post(
      "/api/v1/auth/mfa/enrol/confirm",
      {
        config: { rateLimit: loginLimit },
        ...route(
          "Finish set-up with a first code; returns recovery codes once",
          { body: confirmMfaEnrolmentInput },
          { 200: s.mfaConfirmed },
        ),
      },
      async (req, reply) => {
        const result = await confirmMfaEnrolment(ctx, pending(req), req.body);
        setSessionCookie(reply, result.token);
        return {
          recoveryCodes: result.recoveryCodes,
          csrfToken: result.csrfToken,
          expiresAt: result.expiresAt,
        };
      },
    );
    r.post(
      "/api/v1/auth/mfa",
      {
        config: { rateLimit: loginLimit },
        ...route(
          "Second sign-in step: authenticator or recovery code",
          { body: mfaInput },
          { 200: s.session },
        ),
      },
      async (req, reply) => {
        const result = await verifyMfa(ctx, pending(req), req.body);
        setSessionCookie(reply, result.token);
        return {
          status: "signed_in" as const,
          csrfToken: result.csrfToken,
          expiresAt: result.expiresAt,
        };
      },
    );
    r.post(
      "/api/v1/auth/logout",
      route("Sign out: the session ends at once", {}, noContent),
      async (req, reply) => {
        await signOut(ctx, req.auth, req.ip);
        clearSessionCookie(reply);
        return reply.code(204).send(null);
      },
    );
    r.get(
      "/api/v1/me",
      route("The signed-in user, their agency and role", {}, { 200: s.me }),
      async (req) => ({
        ...(await getMe(ctx, requireActor(req))),
        csrfToken: req.auth.session?.row.csrf_token ?? null,
      }),
    );
  };
