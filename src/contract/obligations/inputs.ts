import { z } from "zod";

/**
 * What the obligation routes take: closing one, and the limits of the work queues. Routes
 * validate with these (and OpenAPI shows them); use cases receive the parsed value.
 */
export const closeObligationInput = z
  .strictObject({
    /** The version the user saw; a stale one answers 409 and changes nothing. */
    version: z.number().int().min(1),
    status: z.enum(["done", "not_applicable"]),
    reason: z.string().trim().min(3).max(1000).optional(),
    evidence: z
      .strictObject({
        reference: z.string().trim().min(1).max(200).optional(),
        spokeWith: z.string().trim().min(1).max(200).optional(),
        at: z.iso.datetime({ offset: true }).optional(),
      })
      .optional(),
  })
  .refine((v) => v.status !== "not_applicable" || v.reason !== undefined, {
    message: "a reason is required when an obligation does not apply",
    path: ["reason"],
  });
export type CloseObligationInput = z.output<typeof closeObligationInput>;

/** The overdue list and the open-cases queue: up to 1000 rows, 200 unless asked. */
export const oversightQueueQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

/** "My work": up to 500 obligations, 100 unless asked. */
export const myObligationsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
