import type { FastifyInstance } from "fastify";

const STRICT_CSP = [
  "default-src 'self'",
  "base-uri 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
  "img-src 'self' data:",
].join("; ");

// The OpenAPI docs page (swagger-ui) styles itself inline; it shows no personal data.
const DOCS_CSP = `${STRICT_CSP}; style-src 'self' 'unsafe-inline'`;

/** Headers on every response, including errors and static files. */
export function installSecurityHeaders(app: FastifyInstance, options: { hsts: boolean }): void {
  app.addHook("onSend", async (req, reply, payload) => {
    const path = req.url.split("?")[0] ?? "";
    reply.header("Content-Security-Policy", path.startsWith("/api/docs") ? DOCS_CSP : STRICT_CSP);
    reply.header("X-Content-Type-Options", "nosniff");
    reply.header("Referrer-Policy", "no-referrer");
    reply.header("Cross-Origin-Opener-Policy", "same-origin");
    reply.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (options.hsts)
      reply.header("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
    if (path.startsWith("/api/") && !path.startsWith("/api/docs")) {
      reply.header("Cache-Control", "no-store");
    }
    return payload;
  });
}
