import { z } from "zod";

/** Replies of the assignment routes: staff data only (names of workers, never of victims). */
const worker = z.object({
  userId: z.string(),
  displayName: z.string(),
  role: z.string(),
  /** Open cases already assigned to them: so the person assigning can spread the load. */
  openCases: z.number(),
});

export const assignmentReplies = {
  workers: z.object({ workers: z.array(worker) }),
  caseAssigned: z.object({ agencyId: z.string(), assignedUserId: z.string() }),
  obligationOwner: z.object({ ownerUserId: z.string(), version: z.number() }),
};
export type AssignmentWorker = z.infer<typeof worker>;
