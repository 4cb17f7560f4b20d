import { z } from "zod";

/** Who answers for a case and its obligations (issue 13): what the assignment routes take. */

/** Hands the case to a worker of the agency that holds it. */
export const assignCaseInput = z.strictObject({
  userId: z.string().min(1).max(100),
});
export type AssignCaseInput = z.output<typeof assignCaseInput>;

/** Hands the case to another agency: to the named worker there, or its least-loaded one. */
export const transferCaseInput = z.strictObject({
  agencyId: z.string().min(1).max(100),
  userId: z.string().min(1).max(100).optional(),
});
export type TransferCaseInput = z.output<typeof transferCaseInput>;

/** Takes an unclaimed obligation from my role's queue, at the version I saw. */
export const takeObligationInput = z.strictObject({
  version: z.number().int().min(1),
});
export type TakeObligationInput = z.output<typeof takeObligationInput>;

/** Hands an obligation to a named person, at the version I saw. */
export const reassignObligationInput = z.strictObject({
  version: z.number().int().min(1),
  userId: z.string().min(1).max(100),
});
export type ReassignObligationInput = z.output<typeof reassignObligationInput>;
