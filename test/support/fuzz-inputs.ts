/**
 * Plausible inputs for every route, built from the app's own OpenAPI document (the same zod
 * schemas the routes validate with), so a new route is fuzzed without anyone listing it here.
 */

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  minItems?: number;
  minimum?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
}

export interface OperationInputs {
  pathParams: string[];
  queryParams: { name: string; schema: JsonSchema; required: boolean }[];
  body: JsonSchema | undefined;
}

/** The operation of a route-table entry (`/api/v1/cases/:id`) in the OpenAPI document. */
export function operationInputs(
  doc: { paths: Record<string, Record<string, unknown>> },
  method: string,
  url: string,
): OperationInputs {
  const path = url.replace(/:(\w+)/g, "{$1}");
  const op = (doc.paths[path]?.[method.toLowerCase()] ?? {}) as {
    parameters?: { in: string; name: string; schema: JsonSchema; required?: boolean }[];
    requestBody?: { content?: Record<string, { schema: JsonSchema }> };
  };
  const parameters = op.parameters ?? [];
  return {
    pathParams: [...url.matchAll(/:(\w+)/g)].map((m) => m[1] as string),
    queryParams: parameters
      .filter((p) => p.in === "query")
      .map((p) => ({ name: p.name, schema: p.schema, required: p.required === true })),
    body: op.requestBody?.content?.["application/json"]?.schema,
  };
}

/** Real ids for fields that reference records, by field name; anything else gets `unknownId`. */
export type IdFor = (field: string) => string;

const ISO_DATE_TIME = "2026-09-01T14:00:00Z";

/** A value the schema accepts (as far as a sample can): every optional property filled in. */
export function sample(schema: JsonSchema, name: string, idFor: IdFor): unknown {
  const options = schema.anyOf ?? schema.oneOf;
  if (options) {
    const first = options.find((o) => o.type !== "null") ?? options[0];
    return first ? sample(first, name, idFor) : null;
  }
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [key, sub] of Object.entries(schema.properties ?? {}))
        out[key] = sample(sub, key, idFor);
      if (!schema.properties && typeof schema.additionalProperties === "object")
        out.sample = sample(schema.additionalProperties, "sample", idFor);
      return out;
    }
    case "array": {
      const n = Math.max(1, schema.minItems ?? 1);
      return Array.from({ length: n }, () => sample(schema.items ?? {}, name, idFor));
    }
    case "integer":
    case "number":
      return Math.max(1, schema.minimum ?? 1);
    case "boolean":
      return false;
    default:
      return sampleString(schema, name, idFor);
  }
}

function sampleString(schema: JsonSchema, name: string, idFor: IdFor): string {
  if (isIdField(name)) return idFor(name);
  if (schema.format === "date-time") return ISO_DATE_TIME;
  if (schema.format === "date") return "2026-09-01";
  if (schema.format === "email") return `fuzz.${Math.random().toString(36).slice(2)}@test.invalid`;
  if (schema.pattern === "^\\d{6}$") return "000000";
  if (name === "countyFips") return "28049";
  if (name === "password") return "correct horse battery staple 42";
  const text = "A plausible value for the fuzz test";
  return text.padEnd(schema.minLength ?? 0, ".");
}

export const isIdField = (name: string) => /Id$/.test(name) || name === "id" || name === "after";

/** Every string in a JSON value, as its path (the field the error should name) and a setter. */
export function stringLeaves(
  value: unknown,
  path: string[] = [],
): { path: string[]; key: string }[] {
  if (typeof value === "string") return [{ path, key: path[path.length - 1] ?? "" }];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, [...path, String(i)]));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...path, k]));
  return [];
}

/** A deep copy of `value` with the leaf at `path` replaced. */
export function withLeaf(value: unknown, path: string[], leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path as [string, ...string[]];
  if (Array.isArray(value))
    return value.map((v, i) => (String(i) === head ? withLeaf(v, rest, leaf) : v));
  const obj = value as Record<string, unknown>;
  return { ...obj, [head]: withLeaf(obj[head], rest, leaf) };
}
