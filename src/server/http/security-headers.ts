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

const COMMON = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
};

/**
 * Headers on every response, including errors and static files. A callback-style hook with
 * precomputed values: this runs on every request, so it allocates nothing.
 */
export function installSecurityHeaders(app: FastifyInstance, options: { hsts: boolean }): void {
  const base = options.hsts
    ? { ...COMMON, "Strict-Transport-Security": "max-age=63072000; includeSubDomains" }
    : COMMON;
  app.addHook("onSend", (req, reply, payload, done) => {
    const url = req.url;
    reply.headers(base);
    if (url.startsWith("/api/docs")) {
      reply.header("Content-Security-Policy", DOCS_CSP);
    } else {
      reply.header("Content-Security-Policy", STRICT_CSP);
      // API answers may hold personal data: never cache them, anywhere.
      if (url.startsWith("/api/")) reply.header("Cache-Control", "no-store");
    }
    done(null, payload);
  });
}
