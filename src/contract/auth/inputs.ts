import { z } from "zod";

/** What the sign-in routes take: the password step and the second step (TOTP or recovery). */
export const signInInput = z.strictObject({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1024),
});
export type SignInInput = z.output<typeof signInInput>;

export const mfaInput = z.union([
  z.strictObject({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, "must be the 6-digit code"),
  }),
  z.strictObject({ recoveryCode: z.string().trim().min(8).max(64) }),
]);
export type MfaInput = z.output<typeof mfaInput>;

/** The first code from a newly set-up authenticator app (a wrong one counts as a failure). */
export const confirmMfaEnrolmentInput = z.strictObject({ code: z.string().trim() });
export type ConfirmMfaEnrolmentInput = z.output<typeof confirmMfaEnrolmentInput>;
