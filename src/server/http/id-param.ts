import { z } from "zod";

/**
 * A record id in a path. Deliberately unconstrained: a malformed id must answer exactly like a
 * well-formed id that matches nothing (404), or the difference would tell a prober something.
 */
export const idParam = z.object({ id: z.string() });
