import { z } from "zod";

/** Public reference data: no personal data. */

const county = z.object({ fips: z.string(), name: z.string() });

export const referenceReplies = {
  counties: z.object({ counties: z.array(county) }),
};

export type County = z.infer<typeof county>;
