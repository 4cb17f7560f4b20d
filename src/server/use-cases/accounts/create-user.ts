import type { CreateUserInput } from "../../../contract/accounts/inputs.ts";
import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { AppError, badRequest, conflict } from "../../errors.ts";
import { hashPassword, passwordProblem } from "../../security/passwords.ts";
import { asCallerOrOperator, type OperatorWork } from "../../unit-of-work/as-operator.ts";

/** The password's hash if it passes the policy (passwords.ts), else 400 naming the problem. */
export async function acceptedPasswordHash(input: CreateUserInput): Promise<string> {
  const problem = await passwordProblem(input.password, input.email);
  if (problem) throw badRequest(`password: ${problem}`, "password");
  return hashPassword(input.password);
}

/**
 * Writes the account and its one membership, and says so for the unit's audit row
 * (`user.create` about the new user, with the role given). No grant rule here: who may give
 * the role is decided before (createUserAsAdmin), or it is the operator's own act.
 */
export async function addAccount(
  w: OperatorWork,
  input: CreateUserInput,
  passwordHash: string,
): Promise<{ userId: string; membershipId: string }> {
  w.record({ detail: { role: input.role } });
  if (!(await w.repos.agencies.find(input.agencyId)))
    throw new AppError("not_found", "No such agency.", "agencyId");
  if (await w.repos.users.idByEmail(input.email))
    throw conflict("An account with this e-mail address already exists.");
  const userId = await w.repos.users.create({
    email: input.email,
    displayName: input.displayName,
    passwordHash,
  });
  const membershipId = await w.repos.memberships.create({
    userId,
    agencyId: input.agencyId,
    role: input.role,
  });
  w.record({ recordId: userId });
  return { userId, membershipId };
}

/**
 * Creates an account with one membership: the command line's `user create` (no actor: the
 * operator), the demo seed and test fixtures. The password must pass the policy; `passwordHash`
 * lets bulk demo seeding reuse one argon2 hash instead of computing thousands.
 */
export async function createUser(
  ctx: AppContext,
  input: CreateUserInput,
  actor: Actor | null,
  options: { passwordHash?: string } = {},
): Promise<{ userId: string; membershipId: string }> {
  // Hashed before the unit: argon2 takes tens of milliseconds no transaction should wait on.
  const passwordHash = options.passwordHash ?? (await acceptedPasswordHash(input));
  return asCallerOrOperator(ctx, actor, { action: "user.create", recordType: "user" }, (w) =>
    addAccount(w, input, passwordHash),
  );
}
