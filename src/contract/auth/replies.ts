import { z } from "zod";
import { ACCOUNT_ABILITY_NAMES } from "../../domain/abilities.ts";
import { flagsSchema } from "../common.ts";

/** What sign-in, two-step verification and the caller's own account answer. */

const session = z.object({
  status: z.enum(["signed_in", "mfa_required", "mfa_enrolment_required"]),
  csrfToken: z.string(),
  expiresAt: z.string(),
});
const me = z.object({
  userId: z.string(),
  email: z.string(),
  displayName: z.string(),
  language: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  role: z.string(),
  abilities: flagsSchema(ACCOUNT_ABILITY_NAMES),
  /** The server's default for notes and documents this user writes (VAWA: victim services). */
  confidentialNotesByDefault: z.boolean(),
  csrfToken: z.string().nullable(),
});

export const authReplies = {
  session,
  mfaEnrolment: z.object({ otpauthUri: z.string(), qrSvg: z.string(), secret: z.string() }),
  /** The recovery codes are shown once, here, and never again. */
  mfaConfirmed: z.object({
    recoveryCodes: z.array(z.string()),
    csrfToken: z.string(),
    expiresAt: z.string(),
  }),
  me,
  preferences: z.object({ language: z.string() }),
};

export type SessionReply = z.infer<typeof session>;
export type MfaEnrolment = z.infer<typeof authReplies.mfaEnrolment>;
export type Me = z.infer<typeof me>;
