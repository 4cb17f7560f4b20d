import type { AppContext } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { API_TOKEN_PREFIX, randomToken } from "../../security/tokens.ts";
import { asOperator } from "../../unit-of-work/as-operator.ts";

const DAY_MS = 86_400_000;

/**
 * Issues a bearer token acting as the user (first membership): the command line's
 * `token create`. The operator's alone (no actor: no role issues tokens through the API). The
 * token is returned once and only its hash is kept.
 */
export function createApiToken(
  ctx: AppContext,
  input: { email: string; name: string; expiresInDays?: number },
  _operator: null,
): Promise<{ id: string; token: string; expiresAt: string | null }> {
  const token = randomToken(32, API_TOKEN_PREFIX);
  const spec = { action: "token.create", recordType: "api_token" };
  return asOperator(ctx, spec, async (w) => {
    const expiresAt = input.expiresInDays
      ? new Date(w.now.getTime() + input.expiresInDays * DAY_MS).toISOString()
      : null;
    const user = await w.repos.users.firstMembershipByEmail(input.email);
    if (user?.status !== "active")
      throw new AppError("not_found", "No active account with that e-mail.");
    const id = await w.repos.apiTokens.create({
      userId: user.id,
      membershipId: user.membershipId,
      name: input.name,
      token,
      expiresAt,
    });
    w.record({ recordId: id, detail: { userId: user.id } });
    return { id, token, expiresAt };
  });
}
