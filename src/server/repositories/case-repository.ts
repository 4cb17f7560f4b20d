import type { Transaction } from "kysely";
import { isMinorVictim } from "../../domain/minor.ts";
import type { ConsentCategory, IdentityField } from "../../domain/roles.ts";
import { type Actor, auditContextFor } from "../access/actor.ts";
import {
  type CaseAbilities,
  caseAbilities,
  caseInScope,
  consentStanding,
  type DisclosureBasis,
  identityDisclosure,
} from "../access/policy.ts";
import { appendAudit } from "../audit/audit-log.ts";
import type { AppContext } from "../context.ts";
import type { CaseRow, Database } from "../db/schema.ts";
import {
  IDENTITY_COLUMNS,
  IDENTITY_FIELDS,
  openIdentity,
  type PersonIdentity,
} from "./person-identity.ts";
import { openOptional } from "./sealed-text.ts";

export interface CasePerson {
  id: string;
  part: string;
  holderAgencyId: string;
  ageYears: number | null;
  gender: string | null;
  citizenship: string | null;
  identity: PersonIdentity;
  /** Identity fields withheld from this caller (so the UI can say so, not show blanks). */
  withheld: IdentityField[];
  disclosureBasis: DisclosureBasis;
}

export interface CaseView {
  case: CaseRow;
  persons: CasePerson[];
  abilities: CaseAbilities;
}

/**
 * Case data as one caller may see it. Built per request for one actor; every query adds the
 * policy's scope filter, so a case out of scope is indistinguishable from one that does not
 * exist; every read is audited in the same transaction.
 */
export class CaseRepository {
  constructor(
    private readonly ctx: AppContext,
    private readonly actor: Actor,
  ) {}

  private now() {
    return this.ctx.clock.now().toISOString();
  }

  async get(caseId: string): Promise<CaseView | undefined> {
    const audit = auditContextFor(this.actor, this.ctx.clock);
    return this.ctx.db.kysely.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom("cases")
        .selectAll()
        .where("cases.id", "=", caseId)
        .where(caseInScope(this.actor, this.now()))
        .executeTakeFirst();
      if (!row) {
        // Out of scope and nonexistent are recorded alike: the caller learns nothing either way.
        await appendAudit(trx, audit, [
          { action: "case.read", recordType: "case", recordId: caseId, outcome: "denied" },
        ]);
        return undefined;
      }
      const persons = await this.persons(trx, caseId);
      // One row for the whole read: which identity fields of which person were disclosed, and why.
      const fields = persons.flatMap((p) =>
        Object.keys(p.identity).map((f) => `person.${p.id}.${f}`),
      );
      const bases = [...new Set(persons.map((p) => p.disclosureBasis))].sort().join(",");
      await appendAudit(trx, audit, [
        {
          action: "case.read",
          recordType: "case",
          recordId: caseId,
          fields,
          outcome: "allowed",
          detail: { persons: persons.length, bases },
        },
      ]);
      return { case: row, persons, abilities: caseAbilities(this.actor, row, true) };
    });
  }

  async list(options: { limit: number; after?: string | undefined }) {
    return this.ctx.db.kysely.transaction().execute(async (trx) => {
      let q = trx
        .selectFrom("cases")
        .select([
          "id",
          "case_number",
          "status",
          "source",
          "county_fips",
          "received_at",
          "determination",
          "agency_id",
        ])
        .where(caseInScope(this.actor, this.now()))
        .orderBy("id", "desc")
        .limit(options.limit);
      if (options.after) q = q.where("id", "<", options.after);
      const rows = await q.execute();
      await appendAudit(trx, auditContextFor(this.actor, this.ctx.clock), [
        {
          action: "case.list",
          recordType: "case",
          outcome: "allowed",
          detail: { count: rows.length },
        },
      ]);
      return rows;
    });
  }

  private async persons(trx: Transaction<Database>, caseId: string): Promise<CasePerson[]> {
    const rows = await trx
      .selectFrom("case_persons")
      .innerJoin("persons", "persons.id", "case_persons.person_id")
      .innerJoin("agencies", "agencies.id", "persons.agency_id")
      .select([
        "persons.id",
        "case_persons.part",
        "persons.agency_id",
        "agencies.kind as holderKind",
        "persons.given_name",
        "persons.family_name",
        "persons.birth_date",
        "persons.phone",
        "persons.address",
        "persons.age_years",
        "persons.gender",
        "persons.citizenship",
      ])
      .where("case_persons.case_id", "=", caseId)
      .orderBy("case_persons.part")
      .execute();
    if (rows.length === 0) return [];
    // Consents standing now that release what each person's holder holds to the caller's agency.
    const consents = await trx
      .selectFrom("consents")
      .innerJoin("persons", "persons.id", "consents.person_id")
      .select(["consents.person_id", "consents.categories"])
      .where(
        "consents.person_id",
        "in",
        rows.map((r) => r.id),
      )
      .whereRef("consents.holder_agency_id", "=", "persons.agency_id")
      .where(consentStanding(this.actor.agencyId, this.now()))
      .execute();
    const consented = new Map<string, Set<ConsentCategory>>();
    for (const c of consents) {
      const set = consented.get(c.person_id) ?? new Set<ConsentCategory>();
      for (const cat of JSON.parse(c.categories) as ConsentCategory[]) set.add(cat);
      consented.set(c.person_id, set);
    }
    return rows.map((r) => {
      const { fields, basis } = identityDisclosure(this.actor, {
        holderAgencyId: r.agency_id,
        holderAgencyKind: r.holderKind,
        consentedCategories: consented.get(r.id) ?? new Set(),
        minorVictim: isMinorVictim(r.part, r.age_years),
      });
      const identity = openIdentity(this.ctx.keyring, r, fields);
      return {
        id: r.id,
        part: r.part,
        holderAgencyId: r.agency_id,
        ageYears: r.age_years,
        gender: openOptional(this.ctx.keyring, "persons", "gender", r.id, r.gender),
        citizenship: r.citizenship,
        identity,
        withheld: IDENTITY_FIELDS.filter(
          (f) => !fields.includes(f) && r[IDENTITY_COLUMNS[f]] !== null,
        ),
        disclosureBasis: fields.length > 0 ? basis : "none",
      };
    });
  }
}
