import type { Role } from "../../domain/roles.ts";
import { isRole } from "../../domain/roles.ts";
import type { Actor } from "../access/actor.ts";
import { type Clock, fixedClock } from "../clock.ts";
import type { AppContext } from "../context.ts";
import type { Db } from "../db/database.ts";
import type { Keyring } from "../security/keyring.ts";

/** A demo account as the seed acts through it: the actor a signed-in session would be. */
export interface DemoPerson {
  actor: Actor;
  agencyCounty: string | null;
}

/**
 * The demo's accounts in the order they were made (the first of each role is the login the
 * README and the end-to-end tests use), so stories can act as "the first CPS investigator".
 */
export class DemoPeople {
  private constructor(private readonly all: DemoPerson[]) {}

  static async load(db: Db): Promise<DemoPeople> {
    const rows = await db.kysely
      .selectFrom("memberships")
      .innerJoin("agencies", "agencies.id", "memberships.agency_id")
      .select([
        "memberships.id",
        "memberships.user_id",
        "memberships.role",
        "memberships.agency_id",
        "agencies.kind",
        "agencies.county_fips",
      ])
      .orderBy("memberships.created_at")
      .orderBy("memberships.id")
      .execute();
    return new DemoPeople(
      rows.flatMap((r) =>
        isRole(r.role)
          ? [
              {
                actor: {
                  userId: r.user_id,
                  membershipId: r.id,
                  agencyId: r.agency_id,
                  agencyKind: r.kind,
                  role: r.role,
                  via: "session" as const,
                  clientIp: null,
                },
                agencyCounty: r.county_fips,
              },
            ]
          : [],
      ),
    );
  }

  /** The nth account holding `role` (0: the printed login). */
  first(role: Role, nth = 0): DemoPerson | undefined {
    return this.all.filter((p) => p.actor.role === role)[nth];
  }

  /** The account acting for a user (the first membership), for acting as an obligation's owner. */
  user(userId: string): DemoPerson | undefined {
    return this.all.find((p) => p.actor.userId === userId);
  }

  membership(membershipId: string): DemoPerson | undefined {
    return this.all.find((p) => p.actor.membershipId === membershipId);
  }

  agencyOf(kind: string): string | undefined {
    return this.all.find((p) => p.actor.agencyKind === kind)?.actor.agencyId;
  }
}

/** The seed's context at one moment of a case's life (use cases read "now" from the clock). */
export function at(base: { db: Db; keyring: Keyring }, ms: number): AppContext & { clock: Clock } {
  return { db: base.db, keyring: base.keyring, clock: fixedClock(new Date(ms)) };
}
