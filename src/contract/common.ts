import { z } from "zod";

/**
 * Reply pieces more than one area uses. Like every file under src/contract this imports only
 * zod and src/domain: the server validates and documents with these schemas, and the web app
 * takes its types from them (`import type` only, so no zod code reaches the browser).
 */

/** A response object of named booleans (abilities), from one list of names. */
export function flagsSchema<K extends string>(names: readonly K[]) {
  return z.object(
    Object.fromEntries(names.map((n) => [n, z.boolean()])) as Record<K, z.ZodBoolean>,
  );
}

/**
 * Why the caller sees what it sees of a person or a plan: `own_agency` (theirs, or not held by
 * victim services), `consent` (the consented categories), `statutory_report` (CPS for a child:
 * what the report needs), `none` (only that the record exists).
 */
export const disclosureBasis = z.enum(["own_agency", "consent", "statutory_report", "none"]);

/** The answer to a create: the new record's id. */
export const createdReply = z.object({ id: z.string() });

/** The answer to a change of a versioned record: its new version. */
export const versionedReply = z.object({ version: z.number() });

/** The type of what a reply schema sends (the web app's `useApi<Reply<typeof x.y>>`). */
export type Reply<S extends z.ZodType> = z.output<S>;
