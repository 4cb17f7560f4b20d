import type { Actor } from "../../access/actor.ts";
import { accountAbilities, mayAdministerMembership } from "../../access/policy.ts";
import type { AppContext } from "../../context.ts";
import { AppError, notFound } from "../../errors.ts";
import { asCaller } from "../../unit-of-work/as-caller.ts";
import { asOperator, type OperatorWork } from "../../unit-of-work/as-operator.ts";
import type { Work } from "../../unit-of-work/unit-of-work.ts";

export type AccountChange = "unlock" | "disable";

/**
 * An administrator's change to one account (`user.unlock`, `user.disable`), in one unit: the
 * account must hold a membership the caller could have granted (`mayAdministerMembership`), or
 * it answers exactly like an unknown account, and the refusal is audited. Nobody disables
 * their own account (409, nothing refused: it is a mistake, not an attempt).
 */
export function changeAdministeredAccount(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  change: AccountChange,
  apply: (w: Work, userId: string) => Promise<void>,
): Promise<void> {
  const spec = { action: `user.${change}`, recordType: "user", recordId: userId };
  return asCaller(ctx, actor, spec, async (w) => {
    if (!accountAbilities(actor).administerAccounts) throw w.refuse(notFound("user"));
    if (userId === actor.userId && change === "disable")
      throw new AppError("cannot_disable_self", "You cannot disable your own account.");
    const user = await w.repos.users.find(userId);
    const memberships = user ? await w.repos.memberships.ofUser(userId) : [];
    if (!memberships.some((m) => mayAdministerMembership(actor, m)))
      throw w.refuse(notFound("user"));
    await apply(w, userId);
  });
}

/**
 * The same change by e-mail address, as the operator makes it at the command line (no actor:
 * the audit row names none). False when there is no such account: nothing is changed or
 * audited then.
 */
export async function changeAccountByEmail(
  ctx: AppContext,
  email: string,
  change: AccountChange,
  apply: (w: OperatorWork, userId: string) => Promise<void>,
): Promise<boolean> {
  const noAccount = notFound("user");
  try {
    await asOperator(ctx, { action: `user.${change}`, recordType: "user" }, async (w) => {
      const userId = await w.repos.users.idByEmail(email);
      if (!userId) throw noAccount; // ends the unit unaudited: nothing was there to change
      await apply(w, userId);
      w.record({ recordId: userId });
    });
    return true;
  } catch (e) {
    if (e === noAccount) return false;
    throw e;
  }
}
