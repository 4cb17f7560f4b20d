import type { Generated, Insertable, Selectable } from "kysely";
import type { CoordinationTables } from "./schema-coordination.ts";

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
  email: string;
  display_name: string;
  password_hash: string;
  status: string;
  locked_at: string | null;
  mfa_secret: string | null;
  mfa_enabled_at: string | null;
  mfa_last_step: number | null;
  language: string;
  created_at: string;
  password_changed_at: string;
}

export interface PersonsTable {
  id: string;
  /** The agency that holds (and answers for) this person's record. */
  agency_id: string;
  /** Identity fields: ciphertext (src/server/security/keyring.ts), never plain text. */
  given_name: string | null;
  family_name: string | null;
  birth_date: string | null;
  phone: string | null;
  address: string | null;
  name_dob_index: string | null;
  phone_index: string | null;
  age_years: number | null;
  gender: string | null;
  citizenship: string | null;
  created_at: string;
  /** Language the person speaks, sealed. */
  language: string | null;
  /** Current location or placement, sealed. */
  placement: string | null;
  /** Sealed JSON list of `{ kind, value, safeToContact }`. */
  contacts: string | null;
  /** For a guardian: 1 non-offending, 0 not, null unknown. */
  non_offending: number | null;
  /** Bumped by each edit after intake; an edit names the version it saw (409 when stale). */
  version: Generated<number>;
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
  outcome: string | null;
  /** The worker at the holding agency who answers for the case (issue 13); null until assigned. */
  assigned_user_id: string | null;
  /** Due time of the case's most urgent open obligation (kept by the obligations repository). */
  next_due_at: string | null;
  /** What was reported, in the reporter's words; sealed. */
  narrative: string | null;
}

export interface CasePersonsTable {
  case_id: string;
  person_id: string;
  part: string;
  /** Set when the person was taken off the case: the link stays, for the history. */
  removed_at: string | null;
}

/** Who took a person off a case, when and why (issue 13); the link is marked removed. */
export interface CasePersonRemovalsTable {
  id: string;
  case_id: string;
  person_id: string;
  removed_at: string;
  removed_by_user_id: string;
  /** Sealed (free text about a person), bound to this row's id. */
  reason: string;
}

export interface CaseEventsTable {
  /** UUIDv7: ordering by id is insertion order. */
  id: string;
  case_id: string;
  occurred_at: string;
  kind: string;
  actor_user_id: string | null;
  data: string;
  /** The record the event is about (note, document, plan, plan_item, referral), if any. */
  record_type: string | null;
  record_id: string | null;
}

export interface CaseNumberCountersTable {
  year: number;
  last_value: number;
}

export interface MembershipsTable {
  id: string;
  user_id: string;
  agency_id: string;
  role: string;
  created_at: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  membership_id: string;
  csrf_token: string;
  mfa_passed: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  client_ip: string | null;
}

export interface LoginFailuresTable {
  id: string;
  user_id: string;
  at: string;
}

export interface RecoveryCodesTable {
  id: string;
  user_id: string;
  code_hash: string;
  used_at: string | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  membership_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface CaseTeamTable {
  case_id: string;
  user_id: string;
  added_at: string;
}

export interface ConsentsTable {
  id: string;
  person_id: string;
  holder_agency_id: string;
  recipient_agency_id: string;
  given_by_person_id: string;
  categories: string;
  purpose: string;
  form: string;
  expires_at: string;
  revoked_at: string | null;
  recorded_by_user_id: string;
  created_at: string;
}

export interface BreakGlassTable {
  id: string;
  user_id: string;
  case_id: string;
  reason: string;
  opened_at: string;
  expires_at: string;
}

export interface NotificationsTable {
  id: string;
  agency_id: string | null;
  user_id: string | null;
  kind: string;
  data: string;
  created_at: string;
}

/** Who has read which notification (an agency's are shared, so reading is each person's). */
export interface NotificationReadsTable {
  notification_id: string;
  user_id: string;
  read_at: string;
}

/** Append-only; `seq` is given by the database (SQLite rowid, PostgreSQL identity). */
export interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  actor_user_id: string | null;
  actor_agency_id: string | null;
  actor_role: string | null;
  action: string;
  record_type: string | null;
  record_id: string | null;
  fields: string;
  client_ip: string | null;
  outcome: string;
  detail: string;
  /** Filled by the sealer (audit/audit-sealer.ts); null while the row is not sealed yet. */
  chain_seq: number | null;
  prev_hash: string | null;
  hash: string | null;
}

/** One signed batch head per sealer round that sealed rows. */
export interface AuditSealsTable {
  batch: number;
  first_chain_seq: number;
  last_chain_seq: number;
  head_hash: string;
  sealed_at: string;
  key_id: string;
  signature: string;
}

export interface AssessmentsTable {
  id: string;
  case_id: string;
  engine_version: string;
  facts: string;
  determination: string;
  result: string;
  created_at: string;
  created_by_user_id: string | null;
}

export interface ObligationsTable {
  id: string;
  case_id: string;
  action_id: string;
  owner_role: string;
  owner_user_id: string | null;
  /** The agency holding the case: an unclaimed obligation waits in its role's queue there. */
  queue_agency_id: string;
  status: string;
  due_at: string | null;
  created_at: string;
  closed_at: string | null;
  closed_by_user_id: string | null;
  evidence: string | null;
  reason: string | null;
  version: number;
}

export interface TipReceiptsTable {
  code: string;
  case_id: string;
  created_at: string;
}

export interface JobsTable {
  id: string;
  kind: string;
  dedupe_key: string;
  run_at: string;
  payload: string;
  status: string;
  lease_owner: string | null;
  lease_expires_at: string | null;
  attempts: number;
  last_error: string | null;
  created_at: string;
  done_at: string | null;
}

export interface Database extends CoordinationTables {
  counties: CountiesTable;
  agencies: AgenciesTable;
  users: UsersTable;
  persons: PersonsTable;
  cases: CasesTable;
  case_persons: CasePersonsTable;
  case_person_removals: CasePersonRemovalsTable;
  case_events: CaseEventsTable;
  case_number_counters: CaseNumberCountersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  recovery_codes: RecoveryCodesTable;
  api_tokens: ApiTokensTable;
  case_team: CaseTeamTable;
  consents: ConsentsTable;
  break_glass: BreakGlassTable;
  notifications: NotificationsTable;
  notification_reads: NotificationReadsTable;
  audit_log: AuditLogTable;
  audit_seals: AuditSealsTable;
  assessments: AssessmentsTable;
  obligations: ObligationsTable;
  tip_receipts: TipReceiptsTable;
  jobs: JobsTable;
}

export type CaseRow = Selectable<CasesTable>;
export type NewCase = Insertable<CasesTable>;
export type AgencyRow = Selectable<AgenciesTable>;
export type SessionRow = Selectable<SessionsTable>;
export type AuditRow = Selectable<AuditLogTable>;
