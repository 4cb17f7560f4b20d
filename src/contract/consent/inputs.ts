import { z } from "zod";
import { CONSENT_CATEGORIES } from "../../domain/roles.ts";

/**
 * What the consent routes take: a VAWA/VOCA release (34 U.S.C. 12291(b)(2)), informed,
 * written, reasoned and time-limited. Routes validate with it, the use case receives the parsed
 * value (the one-year limit is checked there, against the request's own "now").
 */
export const consentInput = z.strictObject({
  recipientAgencyId: z.string().min(1),
  givenByPersonId: z.string().min(1),
  categories: z.array(z.enum(CONSENT_CATEGORIES)).min(1).max(CONSENT_CATEGORIES.length),
  purpose: z.string().trim().min(5).max(500),
  form: z.enum(["signed_form", "attested"]),
  expiresAt: z.iso.datetime({ offset: true }),
});
export type ConsentInput = z.output<typeof consentInput>;

/**
 * Who records the consent a referral's name needs: asked of a case for one of its people and
 * the agency the referral would go to (GET /api/v1/cases/:id/consent-step).
 */
export const consentStepQuery = z.strictObject({
  personId: z.string().min(1),
  recipientAgencyId: z.string().min(1),
});
export type ConsentStepQuery = z.output<typeof consentStepQuery>;
