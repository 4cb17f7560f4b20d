import type { OpenCaseFields } from "../../../contract/intake/inputs.ts";
import type { IdentityField } from "../../../domain/roles.ts";
import { localYear } from "../../../domain/time.ts";
import { newId } from "../../ids.ts";
import { IDENTITY_FIELDS, type PersonIdentity } from "../person-identity.ts";
import { sealPersonValues } from "../person-values.ts";
import type { ActingScope } from "../scope.ts";
import { sealOptional } from "../sealed-text.ts";
import { allocateCaseNumber } from "./case-numbers.ts";

export interface OpenedCase {
  id: string;
  caseNumber: string;
  receivedAt: string;
}

/** A person written with the case: which identity fields were given (names, never values). */
export interface OpenedPerson {
  id: string;
  part: string;
  fields: IdentityField[];
}

/**
 * Cases as intake writes them: opened with their people, routed to another agency, assessed
 * again. The unit that calls these has already decided the caller may (or, for a tip, that no
 * caller is needed); these write what was decided, attributed to the caller or to nobody.
 */
export class IntakeCasesRepository {
  constructor(private readonly s: ActingScope) {}

  /**
   * Opens a case with its next case number, its people (identity sealed, held by the case's
   * agency) and its first timeline event. Whoever reports a case stays on its team, so a
   * screener can follow up on their own report.
   */
  async open(input: OpenCaseFields): Promise<OpenedCase & { people: OpenedPerson[] }> {
    const now = this.s.nowIso;
    const receivedAt = input.receivedAt ? new Date(input.receivedAt).toISOString() : now;
    const id = newId();
    const caseNumber = await allocateCaseNumber(this.s.trx, localYear(new Date(receivedAt)));
    await this.s.trx
      .insertInto("cases")
      .values({
        id,
        case_number: caseNumber,
        agency_id: input.agencyId,
        county_fips: input.countyFips ?? null,
        status: "open",
        source: input.source,
        venue: input.venue ?? null,
        received_at: receivedAt,
        determination: input.determination ?? null,
        version: 1,
        created_at: now,
        updated_at: now,
        closed_at: null,
        narrative: sealOptional(this.s.keyring, "cases", "narrative", id, input.narrative),
      })
      .execute();
    const people = await this.addPeople(id, input.agencyId, input.persons);
    const reporter = this.s.actor?.userId ?? null;
    if (reporter)
      await this.s.trx
        .insertInto("case_team")
        .values({ case_id: id, user_id: reporter, added_at: now })
        .execute();
    await this.event(id, "case_opened", reporter, {
      source: input.source,
      persons: input.persons.length,
    });
    return { id, caseNumber, receivedAt, people };
  }

  /**
   * Hands the case to another agency (a child's report to its CPS office), tells that agency,
   * and says so on the timeline. The routing is the law's doing, not the reporter's: the event
   * has no actor. The reporter stays on the team; the people stay held by the reporting agency.
   */
  async routeTo(caseId: string, agencyId: string): Promise<void> {
    await this.s.trx
      .updateTable("cases")
      .set({ agency_id: agencyId })
      .where("id", "=", caseId)
      .execute();
    await this.s.trx
      .updateTable("obligations")
      .set({ queue_agency_id: agencyId })
      .where("case_id", "=", caseId)
      .execute();
    await this.s.trx
      .insertInto("notifications")
      .values({
        id: newId(),
        agency_id: agencyId,
        user_id: null,
        kind: "case_routed",
        data: JSON.stringify({ caseId }),
        created_at: this.s.nowIso,
      })
      .execute();
    await this.event(caseId, "routed_to_cps", null, { agencyId });
  }

  /**
   * Sets the case's determination from a new assessment if the case is still at `version` (the
   * one the caller saw). False when someone changed it meanwhile; nothing is written then.
   */
  async reassess(caseId: string, version: number, determination: string): Promise<boolean> {
    const updated = await this.s.trx
      .updateTable("cases")
      .set({ determination, version: version + 1, updated_at: this.s.nowIso })
      .where("id", "=", caseId)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) > 0;
  }

  /** The case's people, in two statements however many there are (persons, then parts). */
  private async addPeople(
    caseId: string,
    agencyId: string,
    persons: OpenCaseFields["persons"],
  ): Promise<OpenedPerson[]> {
    if (persons.length === 0) return [];
    const written = persons.map((person) => {
      const id = newId();
      const identity: PersonIdentity = {
        givenName: person.givenName,
        familyName: person.familyName,
        birthDate: person.birthDate,
        phone: person.phone,
        address: person.address,
      };
      const row = {
        id,
        agency_id: agencyId,
        created_at: this.s.nowIso,
        ...sealPersonValues(this.s.keyring, id, person),
      };
      const opened = {
        id,
        part: person.part,
        fields: IDENTITY_FIELDS.filter((f) => identity[f] !== undefined),
      };
      return { row, opened };
    });
    await this.s.trx
      .insertInto("persons")
      .values(written.map((w) => w.row))
      .execute();
    await this.s.trx
      .insertInto("case_persons")
      .values(
        written.map((w) => ({ case_id: caseId, person_id: w.opened.id, part: w.opened.part })),
      )
      .execute();
    return written.map((w) => w.opened);
  }

  /**
   * A timeline event written by intake. Not the case file's events repository: intake's events
   * may have no actor (a public tip, a routing by law), which that repository never writes.
   */
  private async event(caseId: string, kind: string, actorUserId: string | null, data: object) {
    await this.s.trx
      .insertInto("case_events")
      .values({
        id: newId(),
        case_id: caseId,
        kind,
        occurred_at: this.s.nowIso,
        actor_user_id: actorUserId,
        data: JSON.stringify(data),
        record_type: null,
        record_id: null,
      })
      .execute();
  }
}
