import { z } from "zod";

/** What the consent-step route answers: agency names and yes/no, never anything about a person. */
export const consentReplies = {
  consentStep: z.object({
    /** The agency whose record the name would leave from (the policy's holder rule). */
    holderAgencyId: z.string(),
    holderAgencyName: z.string(),
    recipientAgencyName: z.string(),
    /**
     * `advocate`: an advocate at the holder records the person's written consent;
     * `statute_only`: the holder keeps no consents in Waypoint (name a statute, or send without).
     */
    recordedBy: z.enum(["advocate", "statute_only"]),
    /** The caller is one of those advocates, so the page offers the consent form itself. */
    callerRecords: z.boolean(),
    /** A consent valid now already releases the person's name to the recipient. */
    consentOnRecord: z.boolean(),
  }),
};
