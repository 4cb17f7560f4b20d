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

/** The header sets, built once: the docs page, the API (never cached), everything else. */
export function securityHeaderSets(options: { hsts: boolean }) {
  const base = options.hsts
    ? { ...COMMON, "Strict-Transport-Security": "max-age=63072000; includeSubDomains" }
    : COMMON;
  const page = { ...base, "Content-Security-Policy": STRICT_CSP };
  return {
    docs: { ...base, "Content-Security-Policy": DOCS_CSP },
    page,
    // API answers may hold personal data: never cache them, anywhere.
    api: { ...page, "Cache-Control": "no-store" },
  };
}

/**
 * Headers on every response, including errors and static files. A callback-style hook with
 * precomputed header sets: this runs on every request, so it allocates nothing.
 */
export function installSecurityHeaders(app: FastifyInstance, options: { hsts: boolean }): void {
  const { docs, page, api } = securityHeaderSets(options);
  app.addHook("onSend", (req, reply, payload, done) => {
    const url = req.url;
    reply.headers(url.startsWith("/api/") ? (url.startsWith("/api/docs") ? docs : api) : page);
    done(null, payload);
  });
}
