import type { FastifyError, FastifyInstance, FastifySchemaValidationError } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { ZodError, type z } from "zod";
import { describeIssue } from "../../domain/validation.ts";
import { summarizeDatabaseError } from "../db/database-errors.ts";
import { AppError, type ErrorCode, errorBody } from "../errors.ts";

export function zodIssueToAppError(issue: z.core.$ZodIssue, root = "body"): AppError {
  const { field, problem } = describeIssue(issue, root);
  return new AppError("invalid_input", `${field}: ${problem}`, field);
}

/** fastify-type-provider-zod flattens zod issues into Ajv-style errors; this restores them. */
function issueFromValidation(v: FastifySchemaValidationError): z.core.$ZodIssue {
  const path = v.instancePath.split("/").filter(Boolean);
  return { ...v.params, code: v.keyword, path, message: v.message ?? "is invalid" } as never;
}

/** Stable codes for the client errors Fastify raises itself. */
const FRAMEWORK_CODES: Record<number, ErrorCode> = {
  400: "invalid_request",
  404: "not_found",
  405: "method_not_allowed",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "rate_limited",
};

const CONSTRAINT_ERRORS = {
  foreign_key: new AppError(
    "unknown_reference",
    "Something this request refers to does not exist (it may have just been removed).",
  ),
  unique: new AppError(
    "conflict",
    "This already exists; someone may have just created it. Reload and try again.",
  ),
};

/**
 * One place turns every failure into `{ error: { code, message, field? } }` with the right status.
 * Unknown errors become a bare 500: the detail goes to the log, never to the client.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError | ZodError, req, reply) => {
    if (err instanceof AppError) {
      if (err.status >= 500) req.log.error({ code: err.code }, err.message);
      return reply.code(err.status).send(errorBody(err));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const first = err.validation[0] as FastifySchemaValidationError;
      const e = zodIssueToAppError(issueFromValidation(first), err.validationContext ?? "body");
      return reply.code(400).send(errorBody(e));
    }
    if (err instanceof ZodError && err.issues[0]) {
      return reply.code(400).send(errorBody(zodIssueToAppError(err.issues[0] as z.core.$ZodIssue)));
    }
    const db = summarizeDatabaseError(err);
    if (db?.kind === "foreign_key" || db?.kind === "unique") {
      // A use case checks the records a request names; a constraint the database still enforces
      // (a row removed meanwhile, a race) is the caller's conflict, never a 500. Code only: the
      // database's message and detail hold the values written.
      req.log.warn({ err }, "database constraint refused the request");
      return reply
        .code(db.kind === "unique" ? 409 : 422)
        .send(errorBody(CONSTRAINT_ERRORS[db.kind]));
    }
    const status = "statusCode" in err && typeof err.statusCode === "number" ? err.statusCode : 500;
    if (status >= 400 && status < 500) {
      const code = FRAMEWORK_CODES[status] ?? "invalid_request";
      const message = status === 429 ? "Too many requests; try again shortly." : err.message;
      return reply.code(status).send(errorBody(new AppError(code, message)));
    }
    req.log.error({ err }, "unhandled error");
    return reply
      .code(500)
      .send(errorBody(new AppError("internal_error", "Something went wrong on our side.")));
  });
}

/**
 * Unknown paths: JSON 404 under /api, the front end's shell elsewhere (client-side routes), when
 * the front end is being served.
 */
export function installNotFound(app: FastifyInstance, options: { spaShell: boolean }): void {
  app.setNotFoundHandler((req, reply) => {
    if (options.spaShell && req.method === "GET" && !req.url.startsWith("/api/")) {
      return reply.sendFile("index.html");
    }
    return reply.code(404).send(errorBody(new AppError("not_found", "No such resource.")));
  });
}
