import fastJson from "fast-json-stringify";
import { serializerCompiler as zodSerializerCompiler } from "fastify-type-provider-zod";
import { z } from "zod";

/**
 * Reply schemas serialized by a compiled serializer (fast-json-stringify, built once from the
 * schema's JSON Schema) instead of zod parsing every reply before JSON.stringify: a few hot
 * routes mark theirs with `compiled(...)`. Every other reply keeps the zod serializer.
 */
const COMPILED = new WeakSet<z.ZodType>();

/**
 * Marks a reply schema for the compiled serializer, wherever it is a route's reply. Only for
 * schemas JSON Schema says all of (objects, arrays, strings, numbers, booleans, enums,
 * nullables; no transforms, refinements or unions), which `compileReply` checks at start-up.
 */
export function compiled<S extends z.ZodType>(schema: S): S {
  COMPILED.add(schema);
  return schema;
}

export type ReplySerializer = (data: unknown) => string;

/**
 * fast-json-stringify writes only the properties the schema names (an internal field is never
 * sent, as with zod), but it trusts the types: a number arrives as a string, `null` in a string
 * field as "", a literal as the literal. TypeScript already holds each handler to its schema
 * (the zod type provider); `crossCheck` also holds every reply at run time, outside production.
 */
export function compileReply(schema: z.ZodType, route: string): ReplySerializer {
  // unrepresentable: "throw" refuses, at start-up, a schema JSON Schema cannot say (a
  // transform, a date, a bigint): the compiled serializer would write it wrongly.
  const { $schema: _draft, ...jsonSchema } = z.toJSONSchema(schema, {
    target: "draft-07",
    io: "output",
    unrepresentable: "throw",
  });
  if (holdsUnion(jsonSchema)) {
    // fast-json-stringify picks a union's branch with a validator on every reply: no faster
    // than zod, and it would pick differently from zod's first-match.
    throw new Error(`${route}: a compiled reply schema cannot hold a union`);
  }
  return fastJson(jsonSchema as never);
}

function holdsUnion(node: unknown): boolean {
  if (node === null || typeof node !== "object") return false;
  if ("anyOf" in node || "oneOf" in node || "allOf" in node) return true;
  return Object.values(node).some(holdsUnion);
}

/** Outside production: zod checks the reply as before, and the compiled text must equal zod's. */
function crossChecked(
  zodSerializer: ReplySerializer,
  compiledSerializer: ReplySerializer,
  route: string,
): ReplySerializer {
  return (data) => {
    const expected = zodSerializer(data); // throws on a reply that breaks its schema
    const text = compiledSerializer(data);
    if (text !== expected) {
      throw new Error(`${route}: the compiled reply differs from the zod schema's serialization`);
    }
    return text;
  };
}

interface SerializerRoute {
  schema: unknown;
  method: string;
  url: string;
  httpStatus?: string;
}

/**
 * The app's one serializer compiler: compiled for marked success replies, zod for the rest.
 * A reply the compiled serializer cannot write (a required field missing, a number that is not)
 * throws like zod's does, and the error handler answers 500 `internal_error`.
 */
export function replySerializerCompiler(options: { crossCheck: boolean }) {
  return (route: SerializerRoute): ReplySerializer => {
    const zodSerializer = zodSerializerCompiler(route as never) as ReplySerializer;
    const schema = route.schema;
    if (!(schema instanceof z.ZodType) || !COMPILED.has(schema)) return zodSerializer;
    const name = `${route.method} ${route.url} ${route.httpStatus ?? ""}`.trim();
    const compiledSerializer = compileReply(schema, name);
    return options.crossCheck
      ? crossChecked(zodSerializer, compiledSerializer, name)
      : compiledSerializer;
  };
}
