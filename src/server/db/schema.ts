import type { Insertable, Selectable } from "kysely";

/**
 * Table types shared by both dialects. Timestamps are ISO-8601 UTC strings written by the
 * application (see docs/decisions/0002-portable-storage-types.md), JSON is stored as text and
 * flags as integers, so that SQLite and PostgreSQL return identical rows.
 */
export interface CountiesTable {
  fips: string;
  name: string;
}

export interface AgenciesTable {
  id: string;
  name: string;
  kind: string;
  county_fips: string | null;
  created_at: string;
}

export interface UsersTable {
  id: string;
  agency_id: string;
  email: string;
  display_name: string;
  role: string;
  status: string;
  created_at: string;
}

export interface PersonsTable {
  id: string;
  /** The agency that holds (and answers for) this person's record. */
  agency_id: string;
  given_name: string | null;
  family_name: string | null;
  birth_date: string | null;
  age_years: number | null;
  gender: string | null;
  citizenship: string | null;
  created_at: string;
}

export interface CasesTable {
  id: string;
  case_number: string;
  agency_id: string;
  county_fips: string | null;
  status: string;
  source: string;
  venue: string | null;
  received_at: string;
  determination: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface CasePersonsTable {
  case_id: string;
  person_id: string;
  part: string;
}

export interface CaseEventsTable {
  /** UUIDv7: ordering by id is insertion order. */
  id: string;
  case_id: string;
  occurred_at: string;
  kind: string;
  actor_user_id: string | null;
  data: string;
}

export interface CaseNumberCountersTable {
  year: number;
  last_value: number;
}

export interface Database {
  counties: CountiesTable;
  agencies: AgenciesTable;
  users: UsersTable;
  persons: PersonsTable;
  cases: CasesTable;
  case_persons: CasePersonsTable;
  case_events: CaseEventsTable;
  case_number_counters: CaseNumberCountersTable;
}

export type CaseRow = Selectable<CasesTable>;
export type NewCase = Insertable<CasesTable>;
export type PersonRow = Selectable<PersonsTable>;
export type AgencyRow = Selectable<AgenciesTable>;
