import { z } from "zod";

/**
 * What the coordination routes take. Routes validate with these (and OpenAPI shows them), use
 * cases receive the parsed value, and the web app's forms are typed from them (`z.input`).
 */
export const addTeamMemberInput = z.strictObject({ userId: z.string().min(1).max(100) });
export type AddTeamMemberInput = z.output<typeof addTeamMemberInput>;
