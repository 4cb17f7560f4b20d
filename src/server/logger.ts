import type { FastifyRequest } from "fastify";
import { type LoggerOptions, pino, stdSerializers } from "pino";
import { summarizeDatabaseError } from "./db/database-errors.ts";

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
    // Fields of a database error that echo the values written (see errorSerializer).
    "detail",
    "where",
    "parameters",
  ].flatMap((k) => [k, `*.${k}`, `*.*.${k}`]),
];

function requestSerializer(req: FastifyRequest) {
  // The query string can carry names or tokens (search boxes, links): log the path only.
  const path = req.url.split("?")[0];
  return { method: req.method, path, id: req.id, remoteAddress: req.ip };
}

/**
 * Every logged `err` passes here (the error handler's, the worker's, Fastify's own). A database
 * error is reduced to its code and constraint name: its message, `detail` and `where` can hold
 * the values of the row (an e-mail in `Key (email)=(…) already exists`).
 */
export function errorSerializer(err: unknown) {
  const db = summarizeDatabaseError(err);
  if (db) return { type: "DatabaseError", ...db };
  return stdSerializers.err(err as Error);
}

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    serializers: { req: requestSerializer as never, err: errorSerializer },
  };
}

export function createLogger(level: string) {
  return pino(loggerOptions(level));
}
