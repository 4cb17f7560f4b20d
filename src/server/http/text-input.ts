import type { FastifyInstance } from "fastify";
import { badRequest } from "../errors.ts";

/**
 * U+0000 has no place in any text Waypoint takes: PostgreSQL refuses it in text ("invalid byte
 * sequence"), SQLite would store a value that other tools cut short, and no person types it.
 */
const NUL = "\u0000";

/** What stands in for a NUL in a path id: valid text that no id (a UUID) can ever equal. */
const NOT_AN_ID_CHARACTER = "\uFFFD";

/** The dotted path of the first string (or object key) holding a NUL, or undefined. */
export function pathOfNul(value: unknown, path: string[] = []): string | undefined {
  if (typeof value === "string") return value.includes(NUL) ? path.join(".") : undefined;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = pathOfNul(v, [...path, String(i)]);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value === null || typeof value !== "object" || Buffer.isBuffer(value)) return undefined;
  for (const [key, v] of Object.entries(value)) {
    // A key is echoed as typed, quoted (as describeIssue does) so the NUL shows as \u0000.
    if (key.includes(NUL)) return [...path, JSON.stringify(key)].join(".");
    const found = pathOfNul(v, [...path, key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

const refused = (field: string) => badRequest(`${field}: must not contain a NUL character`, field);

/**
 * One check every route passes through, so no new route can forget it: a hook on the root runs
 * before each route's own schema, for routes with and without one.
 *
 * - Body and query string: a NUL is refused with a 400 naming the field (`persons.0.givenName`).
 * - Path parameters are record ids. A malformed id must answer exactly like an unknown one (see
 *   `id-param.ts`), so its NUL becomes a character no id contains: the route then answers and
 *   audits it as the unknown id it is, instead of the database refusing the text.
 */
export function installTextInputGuard(app: FastifyInstance): void {
  // A callback hook, and nothing walked that is empty: a bodyless GET without a query string
  // or path parameters (a probe, a queue) passes three checks and allocates nothing.
  app.addHook("preValidation", (req, _reply, done) => {
    const params = req.params as Record<string, unknown> | undefined;
    if (params && !isEmptyObject(params))
      for (const [name, value] of Object.entries(params))
        if (typeof value === "string" && value.includes(NUL))
          params[name] = value.replaceAll(NUL, NOT_AN_ID_CHARACTER);
    const inQuery = isEmptyObject(req.query) ? undefined : pathOfNul(req.query);
    if (inQuery !== undefined) return done(refused(inQuery || "query"));
    const inBody = req.body === undefined ? undefined : pathOfNul(req.body);
    if (inBody !== undefined) return done(refused(inBody || "body"));
    done();
  });
}

/** Nothing to scan: no value, or an object without own keys (no query string, no parameters). */
function isEmptyObject(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value !== "object") return false;
  for (const key in value) if (Object.hasOwn(value, key)) return false;
  return true;
}
