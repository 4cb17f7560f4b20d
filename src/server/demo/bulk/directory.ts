import type { Kysely } from "kysely";
import { isRole, ROLE_POLICIES } from "../../../domain/roles.ts";
import type { Database } from "../../db/schema.ts";

/** An agency that holds cases, with the people who take cases in and run them there. */
export interface HoldingAgency {
  id: string;
  kind: string;
  /** Users whose role takes cases in (every role with a case scope): the reporters. */
  reporters: string[];
  /** Users who close cases and obligations the agency holds, by role. */
  byRole: Map<string, string[]>;
  /** Users whose role holds cases (the role table's holdsCases): a case's assigned worker. */
  workers: string[];
}

export interface BulkDirectory {
  holders: HoldingAgency[];
  /** Victim advocates anywhere: added to some case teams, as a case coordinator would. */
  advocates: string[];
}

/** The kinds of agency the demo seed gives cases to. */
const HOLDER_KINDS = ["cps", "law_enforcement", "victim_services"];

/**
 * The agencies and people the demo seed created, in a stable order (kind, name, e-mail), so a
 * load with the same seed picks the same agencies and people on any database built the same way.
 */
export async function readDirectory(db: Kysely<Database>): Promise<BulkDirectory> {
  const agencies = await db
    .selectFrom("agencies")
    .select(["id", "kind"])
    .where("kind", "in", HOLDER_KINDS)
    .orderBy("kind")
    .orderBy("name")
    .orderBy("id")
    .execute();
  const members = await db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select(["memberships.agency_id", "memberships.user_id", "memberships.role"])
    .where("users.status", "=", "active")
    .orderBy("users.email")
    .execute();
  const holders = agencies.map((a) => {
    const byRole = new Map<string, string[]>();
    const reporters: string[] = [];
    const workers: string[] = [];
    for (const m of members) {
      if (m.agency_id !== a.id || !isRole(m.role)) continue;
      byRole.set(m.role, [...(byRole.get(m.role) ?? []), m.user_id]);
      if (ROLE_POLICIES[m.role].caseScope !== "none") reporters.push(m.user_id);
      if (ROLE_POLICIES[m.role].holdsCases) workers.push(m.user_id);
    }
    return { id: a.id, kind: a.kind, reporters, byRole, workers };
  });
  const usable = holders.filter((h) => h.reporters.length > 0);
  if (usable.length === 0)
    throw new Error("bulk load needs the demo's agencies and users first (seedDemo, cases: 0)");
  const advocates = members.filter((m) => m.role === "victim_advocate").map((m) => m.user_id);
  return { holders: usable, advocates };
}
