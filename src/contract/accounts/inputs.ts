import { z } from "zod";
import { AGENCY_KINDS } from "../../domain/catalogues.ts";
import { countyByFips } from "../../domain/counties.ts";
import { LANGUAGES } from "../../domain/i18n/index.ts";
import { ROLES } from "../../domain/roles.ts";

/**
 * What the account routes take (agencies, accounts, the caller's preferences). Routes validate
 * with these (and OpenAPI shows them), use cases receive the parsed value, and the command line
 * parses with the same schema before it calls the same use case.
 */
export const createAgencyInput = z.strictObject({
  name: z.string().trim().min(3).max(200),
  kind: z.enum(AGENCY_KINDS),
  countyFips: z
    .string()
    .refine((f) => countyByFips(f) !== undefined, "must be a Mississippi county FIPS code")
    .optional(),
});
export type CreateAgencyInput = z.output<typeof createAgencyInput>;

export const createUserInput = z.strictObject({
  /** Stored lower-case: one account per address, however it is typed. */
  email: z
    .email()
    .max(254)
    .transform((e) => e.toLowerCase()),
  displayName: z.string().trim().min(1).max(200),
  /** Judged by the password policy (security/passwords.ts), which names the problem. */
  password: z.string(),
  agencyId: z.string().min(1),
  role: z.enum(ROLES),
});
export type CreateUserInput = z.output<typeof createUserInput>;

export const updateMeInput = z.strictObject({ language: z.enum(LANGUAGES) });
export type UpdateMeInput = z.output<typeof updateMeInput>;
