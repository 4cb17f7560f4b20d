import { z } from "zod";
import { CASE_OUTCOMES, CASE_STATUSES } from "../../domain/coordination/case-status.ts";

/**
 * What the case-file routes take. Routes validate with these (and OpenAPI shows them), use
 * cases receive the parsed value, and the web app's forms are typed from them (`z.input`).
 */
export const addNoteInput = z.strictObject({
  body: z.string().trim().min(1).max(20_000),
  aboutPersonId: z.string().min(1).max(100).optional(),
  /** Defaults to confidential for victim-services staff (VAWA), shared otherwise. */
  confidential: z.boolean().optional(),
});
export type AddNoteInput = z.output<typeof addNoteInput>;

export const changeStatusInput = z
  .strictObject({
    /** The case version the user saw; a stale one answers 409 and changes nothing. */
    version: z.number().int().min(1),
    status: z.enum(CASE_STATUSES),
    outcome: z.enum(CASE_OUTCOMES).optional(),
  })
  .refine((v) => v.status !== "closed" || v.outcome !== undefined, {
    message: "an outcome is required to close a case",
    path: ["outcome"],
  })
  .refine((v) => v.status === "closed" || v.outcome === undefined, {
    message: "only a closed case has an outcome",
    path: ["outcome"],
  });
export type ChangeStatusInput = z.output<typeof changeStatusInput>;

/** A page of the cases in the caller's scope, newest first; `after` is the last id seen. */
export const listCasesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  after: z.string().optional(),
});
export type ListCasesQuery = z.output<typeof listCasesQuery>;

/**
 * What comes with an uploaded document, in its query (the body is the raw file, typed by its
 * media type). `confidential` is a query-string flag, so it arrives as text.
 */
export const uploadDocumentQuery = z.strictObject({
  name: z.string().trim().min(1).max(255),
  aboutPersonId: z.string().min(1).max(100).optional(),
  confidential: z.enum(["true", "false"]).optional(),
});
export type UploadDocumentQuery = z.output<typeof uploadDocumentQuery>;
