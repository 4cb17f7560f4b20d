import type { FastifyRequest } from "fastify";
import { type LoggerOptions, pino } from "pino";

/**
 * Paths that could hold personal data or secrets. pino replaces them before a line is written.
 * Request bodies and query strings are never logged at all (see `requestSerializer`); this list
 * covers objects that code logs explicitly by mistake.
 */
export const REDACT_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'res.headers["set-cookie"]',
  ...[
    "password",
    "token",
    "secret",
    "email",
    "phone",
    "address",
    "name",
    "givenName",
    "familyName",
    "displayName",
    "birthDate",
    "narrative",
    "notes",
    "facts",
  ].flatMap((k) => [k, `*.${k}`, `*.*.${k}`]),
];

function requestSerializer(req: FastifyRequest) {
  // The query string can carry names or tokens (search boxes, links): log the path only.
  const path = req.url.split("?")[0];
  return { method: req.method, path, id: req.id, remoteAddress: req.ip };
}

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    serializers: { req: requestSerializer as never },
  };
}

export function createLogger(level: string) {
  return pino(loggerOptions(level));
}
