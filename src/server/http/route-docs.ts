import { z } from "zod";

/** What a route takes in: each part is validated by its zod schema and shown in OpenAPI. */
export interface RouteInputs {
  params?: z.ZodType;
  querystring?: z.ZodType;
  body?: z.ZodType;
  /** Longer words than the summary, for a route that needs them. */
  description?: string;
}

/** A route's replies by status, each with its body schema. */
export type RouteReplies = Record<number, z.ZodType>;

/** The reply of a route that answers with no body. */
export const noContent = { 204: z.null() };

/**
 * The documented options of one area's routes. The area names its OpenAPI tags and the error
 * replies its routes may answer once; each route then names only its summary, what it takes in
 * and its own replies (success, and any error status the area's set lacks).
 */
export function routeDocs<E extends RouteReplies>(tags: string[], errors: E) {
  return <const I extends RouteInputs, const R extends RouteReplies>(
    summary: string,
    inputs: I,
    replies: R,
  ) => ({ schema: { tags, summary, ...inputs, response: { ...replies, ...errors } } });
}
