import {
  createSession,
  destroySession,
  findLiveSession,
  upgradeSession,
} from "../../auth/sessions.ts";
import type { SessionRow } from "../../db/schema.ts";
import type { AccountScope } from "./account-scope.ts";

/**
 * Sessions, as the sign-in steps and the auth hook use them. The token mechanics (hash-only
 * storage, idle and absolute limits, a new token on upgrade) are `auth/sessions.ts`'s, which
 * test fixtures also use to open sessions directly; this binds them to the scope's connection.
 */
export class SessionsRepository {
  constructor(private readonly s: AccountScope) {}

  open(session: {
    userId: string;
    membershipId: string;
    mfaPassed: boolean;
    clientIp: string | null;
  }) {
    return createSession(this.s.trx, this.s.clock, session);
  }

  /**
   * The live session for a cookie's token with what it acts as, or undefined (unknown, idle too
   * long, too old).
   */
  findLive(token: string) {
    return findLiveSession(this.s.trx, this.s.clock, token);
  }

  /** After the second factor: the same session under a new token (no session fixation). */
  upgrade(old: SessionRow, oldToken: string) {
    return upgradeSession(this.s.trx, this.s.clock, old, oldToken);
  }

  end(token: string): Promise<void> {
    return destroySession(this.s.trx, token);
  }
}
