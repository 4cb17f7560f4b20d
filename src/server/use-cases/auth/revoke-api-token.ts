import type { AppContext } from "../../context.ts";
import { notFound } from "../../errors.ts";
import { asOperator } from "../../unit-of-work/as-operator.ts";

/**
 * Revokes one token at once (its next use authenticates as nobody): the command line's
 * `token revoke` (the operator's alone, like issuing). False for an unknown token, which
 * changes nothing and is not audited.
 */
export async function revokeApiToken(
  ctx: AppContext,
  tokenId: string,
  _operator: null,
): Promise<boolean> {
  const unknown = notFound("token");
  const spec = { action: "token.revoke", recordType: "api_token", recordId: tokenId };
  try {
    await asOperator(ctx, spec, async (w) => {
      if (!(await w.repos.apiTokens.revoke(tokenId))) throw unknown; // rolls back unaudited
    });
    return true;
  } catch (e) {
    if (e === unknown) return false;
    throw e;
  }
}
