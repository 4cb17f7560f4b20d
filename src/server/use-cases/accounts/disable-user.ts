import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { changeAccountByEmail, changeAdministeredAccount } from "./administered-account.ts";

/** Disables an account and ends its sessions and tokens at once: an administrator's. */
export function disableUserAsAdmin(ctx: AppContext, actor: Actor, userId: string): Promise<void> {
  return changeAdministeredAccount(ctx, actor, userId, "disable", (w, id) =>
    w.repos.users.disable(id),
  );
}

/** The same by e-mail (the command line's `user disable`); false when there is no such account. */
export function disableUser(ctx: AppContext, email: string, _operator: null): Promise<boolean> {
  return changeAccountByEmail(ctx, email, "disable", (w, id) => w.repos.users.disable(id));
}
