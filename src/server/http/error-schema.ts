import { z } from "zod";
import { ERROR_CATALOGUE, ERROR_CODES } from "../errors.ts";

/** The one error body of the API (see errors.ts), for OpenAPI. */
export const errorReply = z.object({
  error: z.object({
    code: z
      .enum(ERROR_CODES)
      .describe(
        `stable snake_case code; each has one status: ${ERROR_CODES.map((c) => `${c} (${ERROR_CATALOGUE[c].status})`).join(", ")}`,
      ),
    message: z.string(),
    field: z.string().optional().describe("the input field to fix, when there is one"),
  }),
});

/** The one error body under each of the given statuses: the error replies of one area. */
export function errorRepliesFor<const S extends number>(...statuses: S[]) {
  return Object.fromEntries(statuses.map((status) => [status, errorReply])) as Record<
    S,
    typeof errorReply
  >;
}

/** Every error status a case-coordination route may answer, each with the one error body. */
export const errorReplies = errorRepliesFor(400, 401, 403, 404, 409, 413, 415, 422);
