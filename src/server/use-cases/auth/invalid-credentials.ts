import { AppError } from "../../errors.ts";

/**
 * One answer for every refused sign-in step: it must not tell whether the account exists, is
 * locked or disabled, or which step was wrong (ASVS V6.3.8).
 */
export const invalidCredentials = () =>
  new AppError(
    "invalid_credentials",
    "The e-mail address or password is not right, or the account is locked.",
  );
