import { z } from "zod";

/** The one error body of the API (see errors.ts), for OpenAPI. */
export const errorReply = z.object({
  error: z.object({
    code: z.string().describe("stable snake_case code"),
    message: z.string(),
    field: z.string().optional().describe("the input field to fix, when there is one"),
  }),
});
