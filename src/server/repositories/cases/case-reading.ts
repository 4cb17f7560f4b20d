import type { PersonContactInput } from "../../../contract/intake/inputs.ts";
import { isMinorVictim } from "../../../domain/minor.ts";
import type { ConsentCategory, IdentityField } from "../../../domain/roles.ts";
import { consentStanding, type DisclosureBasis, identityDisclosure } from "../../access/policy.ts";
import { openPersonDetails, withheldDetails } from "../person-details.ts";
import {
  IDENTITY_COLUMNS,
  IDENTITY_FIELDS,
  IDENTITY_SELECTION,
  openIdentity,
  type PersonIdentity,
} from "../person-identity.ts";
import type { Scope } from "../scope.ts";
import { openOptional } from "../sealed-text.ts";

/** A person on a case as one caller may see them: identity only where the policy discloses it. */
export interface CasePerson {
  id: string;
  part: string;
  holderAgencyId: string;
  /** The record's version, which an edit names (a stale one answers 409). */
  version: number;
  ageYears: number | null;
  gender: string | null;
  citizenship: string | null;
  identity: PersonIdentity;
  language: string | null;
  nonOffending: boolean | null;
  placement: string | null;
  contacts: PersonContactInput[];
  /** Identity fields withheld from this caller (so the UI can say so, not show blanks). */
  withheld: (IdentityField | "contacts" | "placement")[];
  disclosureBasis: DisclosureBasis;
}

/** The columns of a case that any caller in scope may see, named as the API names them. */
export function caseSummary(r: {
  id: string;
  case_number: string;
  status: string;
  source: string;
  county_fips: string | null;
  received_at: string;
  determination: string | null;
  agency_id: string;
}) {
  return {
    id: r.id,
    caseNumber: r.case_number,
    status: r.status,
    source: r.source,
    countyFips: r.county_fips,
    receivedAt: r.received_at,
    determination: r.determination,
    agencyId: r.agency_id,
  };
}

/**
 * Cases and their people as one caller may read them: the list carries the policy's scope
 * filter, and each person's identity is opened only for the fields the policy discloses to the
 * caller (own agency, a consent standing now, or a statutory report), so no caller can forget it.
 */
export class CaseReadingRepository {
  constructor(private readonly s: Scope) {}

  /**
   * The case's people, by part, with what of their identity the caller may see. The caller must
   * already hold the case in scope (the unit of work checked it). One statement: each person
   * comes with the consents standing now that release to the caller's agency what the person's
   * holding agency recorded (a consent from anyone else releases nothing), one row per consent.
   */
  /** The case's narrative, opened (the caller decided the reader may see it). */
  narrativeOf(row: { id: string; narrative: string | null }): string | null {
    return openOptional(this.s.keyring, "cases", "narrative", row.id, row.narrative);
  }

  async personsOf(caseId: string): Promise<CasePerson[]> {
    const { keyring } = this.s;
    return (await this.disclosedPeople(caseId)).map(({ r, fields, details, basis }) => ({
      id: r.id,
      part: r.part,
      holderAgencyId: r.agency_id,
      version: r.version,
      ...openPersonDetails(keyring, r, details),
      ageYears: r.age_years,
      gender: openOptional(keyring, "persons", "gender", r.id, r.gender),
      citizenship: r.citizenship,
      identity: openIdentity(keyring, r, fields),
      withheld: [
        ...IDENTITY_FIELDS.filter((f) => !fields.includes(f) && r[IDENTITY_COLUMNS[f]] !== null),
        ...withheldDetails(r, details),
      ],
      disclosureBasis: fields.length > 0 ? basis : "none",
    }));
  }

  /**
   * What of one person on the case the policy shows the caller (identity fields, contacts,
   * placement), without opening any of it: a change may touch only what its author may read.
   * Undefined when the person is not on the case.
   */
  async shownOf(caseId: string, personId: string) {
    const [found] = await this.disclosedPeople(caseId, personId);
    return found ? { fields: found.fields, ...found.details } : undefined;
  }

  /** The case's people (or one of them), each with what the policy discloses to the caller. */
  private async disclosedPeople(caseId: string, personId?: string) {
    const { actor, nowIso } = this.s;
    let query = this.s.trx
      .selectFrom("case_persons")
      .innerJoin("persons", "persons.id", "case_persons.person_id")
      .innerJoin("agencies", "agencies.id", "persons.agency_id")
      .leftJoin("consents", (join) =>
        join
          .onRef("consents.person_id", "=", "persons.id")
          .onRef("consents.holder_agency_id", "=", "persons.agency_id")
          .on(consentStanding(actor.agencyId, nowIso)),
      )
      .select([
        "persons.id",
        "case_persons.part",
        "persons.agency_id",
        "agencies.kind as holderKind",
        ...IDENTITY_SELECTION,
        "persons.age_years",
        "persons.gender",
        "persons.citizenship",
        "persons.language",
        "persons.placement",
        "persons.contacts",
        "persons.non_offending",
        "persons.version",
        "consents.categories as consentCategories",
      ])
      .where("case_persons.case_id", "=", caseId)
      // A person taken off the case no longer shows on it; the link stays for the history.
      .where("case_persons.removed_at", "is", null);
    if (personId !== undefined) query = query.where("case_persons.person_id", "=", personId);
    const rows = await query.orderBy("case_persons.part").orderBy("persons.id").execute();
    const consented = new Map<string, Set<ConsentCategory>>();
    const people = new Map<string, (typeof rows)[number]>();
    for (const r of rows) {
      const set = consented.get(r.id) ?? new Set<ConsentCategory>();
      if (r.consentCategories !== null)
        for (const cat of JSON.parse(r.consentCategories) as ConsentCategory[]) set.add(cat);
      consented.set(r.id, set);
      const key = `${r.part}\u0000${r.id}`;
      if (!people.has(key)) people.set(key, r);
    }
    return [...people.values()].map((r) => {
      const { fields, basis } = identityDisclosure(actor, {
        holderAgencyId: r.agency_id,
        holderAgencyKind: r.holderKind,
        consentedCategories: consented.get(r.id) ?? new Set(),
        minorVictim: isMinorVictim(r.part, r.age_years),
      });
      const details = { contacts: fields.includes("phone"), placement: fields.includes("address") };
      return { r, fields, basis, details };
    });
  }
}
