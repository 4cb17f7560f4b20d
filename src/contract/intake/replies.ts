import { z } from "zod";
import { versionedReply } from "../common.ts";

/** What intake answers: the new case with its obligations, a tip's receipt, a reassessment. */

const obligation = z.object({
  actionId: z.string(),
  ownerRole: z.string(),
  dueAt: z.string().nullable(),
});

const intake = z.object({
  caseId: z.string(),
  caseNumber: z.string(),
  routedToAgencyId: z.string().nullable(),
  /** The named worker who answers for the case; null only when its office reaches no one. */
  assignedUserId: z.string().nullable(),
  determination: z.string(),
  obligations: z.array(obligation),
});

export const intakeReplies = {
  intake,
  /** A public tip answers with a receipt code, never with data. */
  tipReceipt: z.object({ receiptCode: z.string() }),
  reassessed: z.object({
    determination: z.string(),
    version: z.number(),
    added: z.array(z.string()),
    retired: z.array(z.string()),
  }),
  obligationClosed: versionedReply,
};

export type IntakeReply = z.infer<typeof intake>;
