import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { changeAccountByEmail, changeAdministeredAccount } from "./administered-account.ts";

/** Lifts an account's lockout (5 failed sign-ins) and forgets the failures: an administrator's. */
export function unlockUserAsAdmin(ctx: AppContext, actor: Actor, userId: string): Promise<void> {
  return changeAdministeredAccount(ctx, actor, userId, "unlock", (w, id) =>
    w.repos.users.unlock(id),
  );
}

/** The same by e-mail (the command line's `user unlock`); false when there is no such account. */
export function unlockUser(ctx: AppContext, email: string, _operator: null): Promise<boolean> {
  return changeAccountByEmail(ctx, email, "unlock", (w, id) => w.repos.users.unlock(id));
}
