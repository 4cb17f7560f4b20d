import type { PersonValues } from "../../../contract/intake/inputs.ts";
import { newId } from "../../ids.ts";
import { openPersonValues, sealPersonValues } from "../person-values.ts";
import type { Scope } from "../scope.ts";
import { sealText } from "../sealed-text.ts";

/** A person on the record as an edit finds them: every value opened, for the unit's own use. */
export interface PersonOnRecord {
  id: string;
  agencyId: string;
  version: number;
  /** Every part the person has on the case (one row of `case_persons` each). */
  parts: string[];
  values: PersonValues;
}

/**
 * The people on a case after intake (issue 13): changed, added, taken off. The unit that calls
 * these has decided the caller may, and which fields the caller may change; these write it,
 * sealed as intake seals it. A person taken off the case keeps the link, marked removed.
 */
export class PersonRecordsRepository {
  constructor(private readonly s: Scope) {}

  /** The person, if on the case and not taken off it; undefined otherwise. */
  async onCase(caseId: string, personId: string): Promise<PersonOnRecord | undefined> {
    const rows = await this.s.trx
      .selectFrom("case_persons")
      .innerJoin("persons", "persons.id", "case_persons.person_id")
      .selectAll("persons")
      .select("case_persons.part")
      .where("case_persons.case_id", "=", caseId)
      .where("case_persons.person_id", "=", personId)
      .where("case_persons.removed_at", "is", null)
      .orderBy("case_persons.part")
      .execute();
    const [first] = rows;
    if (!first) return undefined;
    return {
      id: first.id,
      agencyId: first.agency_id,
      version: first.version,
      parts: rows.map((r) => r.part),
      values: openPersonValues(this.s.keyring, first),
    };
  }

  /**
   * The ages of everyone on the case (plain columns: no sealed value opened), for the checks of
   * a change against the screening. A birth date alone is not read here: intake records a
   * victim's age with it, and the age is what the screening is compared with.
   */
  async agesOn(caseId: string) {
    return this.s.trx
      .selectFrom("case_persons")
      .innerJoin("persons", "persons.id", "case_persons.person_id")
      .select(["persons.id", "persons.age_years", "case_persons.part"])
      .where("case_persons.case_id", "=", caseId)
      .where("case_persons.removed_at", "is", null)
      .execute();
  }

  /**
   * Writes the person's values whole (sealed again, the blind indexes recomputed) if the record
   * is still at `version`, the one the caller saw. False when someone changed it meanwhile.
   */
  async write(personId: string, version: number, values: PersonValues): Promise<boolean> {
    const updated = await this.s.trx
      .updateTable("persons")
      .set({ ...sealPersonValues(this.s.keyring, personId, values), version: version + 1 })
      .where("id", "=", personId)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) > 0;
  }

  /**
   * A new person on the case in a part, held by the caller's agency: whoever records a person
   * answers for the record (as intake's people stay with the agency that took them in).
   */
  async add(caseId: string, part: string, values: PersonValues): Promise<string> {
    const id = newId();
    await this.s.trx
      .insertInto("persons")
      .values({
        id,
        agency_id: this.s.actor.agencyId,
        created_at: this.s.nowIso,
        ...sealPersonValues(this.s.keyring, id, values),
      })
      .execute();
    await this.s.trx
      .insertInto("case_persons")
      .values({ case_id: caseId, person_id: id, part })
      .execute();
    return id;
  }

  /**
   * Takes the person off the case if the record is still at `version`: every part's link marked
   * removed, and a removal record of when, by whom and why (sealed). The person's record itself
   * stays as it was.
   */
  async remove(caseId: string, personId: string, version: number, reason: string) {
    const bumped = await this.s.trx
      .updateTable("persons")
      .set({ version: version + 1 })
      .where("id", "=", personId)
      .where("version", "=", version)
      .executeTakeFirst();
    if (Number(bumped.numUpdatedRows) === 0) return false;
    const id = newId();
    await this.s.trx
      .insertInto("case_person_removals")
      .values({
        id,
        case_id: caseId,
        person_id: personId,
        removed_at: this.s.nowIso,
        removed_by_user_id: this.s.actor.userId,
        reason: sealText(this.s.keyring, "case_person_removals", "reason", id, reason),
      })
      .execute();
    await this.s.trx
      .updateTable("case_persons")
      .set({ removed_at: this.s.nowIso })
      .where("case_id", "=", caseId)
      .where("person_id", "=", personId)
      .where("removed_at", "is", null)
      .execute();
    return true;
  }
}
