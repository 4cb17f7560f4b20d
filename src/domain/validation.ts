import type { z } from "zod";

export interface FieldProblem {
  /** Dotted path of the offending field, e.g. `subject.age`. */
  field: string;
  problem: string;
}

/**
 * One wording for validation problems everywhere (CLI, API, forms): the field a person must fix
 * and what is wrong with it. An unknown key names the key itself, not its parent object.
 */
export function describeIssue(issue: z.core.$ZodIssue, root = "body"): FieldProblem {
  const path = issue.path.map(String).join(".");
  if (issue.code === "unrecognized_keys") {
    // Keys are echoed as typed; an empty or odd key is quoted so the field is never blank.
    const raw = issue.keys[0] ?? "";
    const key = /^[\w-]+$/.test(raw) ? raw : JSON.stringify(raw);
    return { field: path ? `${path}.${key}` : key, problem: "is not a known field" };
  }
  if (issue.code === "invalid_type" && issue.expected === "object") {
    return { field: path || root, problem: "must be a JSON object" };
  }
  return { field: path || root, problem: issue.message };
}
