import { z } from "zod";
import { ROLES } from "../../domain/roles.ts";
import { createdReply } from "../common.ts";

/** What the administration routes answer: agencies, accounts, role grants, staff directory. */

const agency = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  countyFips: z.string().nullable(),
});
/** One row per membership (a person in one agency and role). */
const account = z.object({
  userId: z.string(),
  email: z.string(),
  displayName: z.string(),
  status: z.string(),
  lockedAt: z.string().nullable(),
  mfaEnabledAt: z.string().nullable(),
  membershipId: z.string(),
  agencyId: z.string(),
  role: z.string(),
  /** The server's answer: this caller may unlock or disable the account. */
  mayChange: z.boolean(),
});
/** An agency the caller administers and the roles the access policy lets it give there. */
const roleGrants = z.object({ agencyId: z.string(), roles: z.array(z.enum(ROLES)) });
/** The staff directory: one row per membership, no e-mail or status. */
const staffMember = z.object({
  membershipId: z.string(),
  userId: z.string(),
  displayName: z.string(),
  role: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
});

export const accountReplies = {
  agencies: z.object({ agencies: z.array(agency) }),
  agencyCreated: createdReply,
  users: z.object({ users: z.array(account) }),
  userCreated: z.object({ userId: z.string(), membershipId: z.string() }),
  roleGrants: z.object({ grants: z.array(roleGrants) }),
  staff: z.object({ staff: z.array(staffMember) }),
};

export type Agency = z.infer<typeof agency>;
export type Account = z.infer<typeof account>;
export type RoleGrants = z.infer<typeof roleGrants>;
export type StaffMember = z.infer<typeof staffMember>;
