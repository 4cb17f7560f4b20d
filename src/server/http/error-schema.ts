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

/** Every error status a case-coordination route may answer, each with the one error body. */
export const errorReplies = {
  400: errorReply,
  401: errorReply,
  403: errorReply,
  404: errorReply,
  409: errorReply,
  413: errorReply,
  415: errorReply,
  422: errorReply,
};
