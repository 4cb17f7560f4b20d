import type { Row } from "./multi-row-insert.ts";

/**
 * The tables a bulk load fills, their columns in the order the row arrays hold them, and the
 * order they are inserted in (parents before children: foreign keys are checked on each insert).
 */
export const BULK_TABLES = {
  cases: [
    "id",
    "case_number",
    "agency_id",
    "county_fips",
    "status",
    "source",
    "venue",
    "received_at",
    "determination",
    "version",
    "created_at",
    "updated_at",
    "closed_at",
    "outcome",
    "assigned_user_id",
    "next_due_at",
  ],
  persons: [
    "id",
    "agency_id",
    "given_name",
    "family_name",
    "birth_date",
    "phone",
    "address",
    "name_dob_index",
    "phone_index",
    "age_years",
    "gender",
    "citizenship",
    "created_at",
  ],
  case_persons: ["case_id", "person_id", "part"],
  case_team: ["case_id", "user_id", "added_at"],
  assessments: [
    "id",
    "case_id",
    "engine_version",
    "facts",
    "determination",
    "result",
    "created_at",
    "created_by_user_id",
  ],
  obligations: [
    "id",
    "case_id",
    "action_id",
    "owner_role",
    "owner_user_id",
    "queue_agency_id",
    "status",
    "due_at",
    "created_at",
    "closed_at",
    "closed_by_user_id",
    "evidence",
    "reason",
    "version",
  ],
  case_events: [
    "id",
    "case_id",
    "occurred_at",
    "kind",
    "actor_user_id",
    "data",
    "record_type",
    "record_id",
  ],
  jobs: [
    "id",
    "kind",
    "dedupe_key",
    "run_at",
    "payload",
    "status",
    "lease_owner",
    "lease_expires_at",
    "attempts",
    "last_error",
    "created_at",
    "done_at",
  ],
} as const;

export type BulkTable = keyof typeof BULK_TABLES;

/** One transaction's rows, table by table. */
export type BulkBatch = Record<BulkTable, Row[]>;

export function emptyBatch(): BulkBatch {
  return {
    cases: [],
    persons: [],
    case_persons: [],
    case_team: [],
    assessments: [],
    obligations: [],
    case_events: [],
    jobs: [],
  };
}
