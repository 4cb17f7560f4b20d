import { newId } from "../../ids.ts";
import type { AccountScope } from "./account-scope.ts";

/** Agencies: the directory every signed-in caller reads, and the few that administration adds. */
export class AgenciesRepository {
  constructor(private readonly s: AccountScope) {}

  /** The directory: names and kinds only, for referrals, task forces and administration. */
  list() {
    return this.s.trx
      .selectFrom("agencies")
      .select(["id", "name", "kind", "county_fips as countyFips"])
      .orderBy("name")
      .execute();
  }

  /** One agency's id and kind (what a role grant is judged against), if it exists. */
  find(agencyId: string): Promise<{ id: string; kind: string } | undefined> {
    return this.s.trx
      .selectFrom("agencies")
      .select(["id", "kind"])
      .where("id", "=", agencyId)
      .executeTakeFirst();
  }

  /** The id and kind of every agency of `reach` (every agency, or those listed), by name. */
  listReached(reach: "all" | string[]): Promise<{ id: string; kind: string }[]> {
    let q = this.s.trx.selectFrom("agencies").select(["id", "kind"]).orderBy("name");
    if (reach !== "all") q = q.where("id", "in", reach);
    return q.execute();
  }

  /** Whether the agency exists (one named as a consent's recipient, a provider, a task force's). */
  async exists(agencyId: string): Promise<boolean> {
    return (await this.find(agencyId)) !== undefined;
  }

  /** The agency's name (the caller's own, shown beside their name). */
  async nameOf(agencyId: string): Promise<string> {
    const row = await this.s.trx
      .selectFrom("agencies")
      .select("name")
      .where("id", "=", agencyId)
      .executeTakeFirstOrThrow();
    return row.name;
  }

  async create(agency: { name: string; kind: string; countyFips: string | null }): Promise<string> {
    const id = newId();
    await this.s.trx
      .insertInto("agencies")
      .values({
        id,
        name: agency.name,
        kind: agency.kind,
        county_fips: agency.countyFips,
        created_at: this.s.nowIso,
      })
      .execute();
    return id;
  }

  /**
   * A system agency by name and kind, created on first use (administration, the intake queue,
   * the statewide CPS office that receives a report no county office serves).
   */
  async ensure(name: string, kind: string): Promise<string> {
    const existing = await this.s.trx
      .selectFrom("agencies")
      .select("id")
      .where("name", "=", name)
      .where("kind", "=", kind)
      .executeTakeFirst();
    return existing?.id ?? this.create({ name, kind, countyFips: null });
  }
}
