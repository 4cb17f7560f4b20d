/** Table types of the case-coordination migration (2026112905); see schema.ts for conventions. */
export interface CertificationsTable {
  id: string;
  user_id: string;
  kind: string;
  certified_by: string;
  reference: string | null;
  issued_on: string;
  expires_on: string;
  recorded_by_user_id: string;
  created_at: string;
}

export interface TaskForcesTable {
  id: string;
  name: string;
  agency_id: string;
  created_at: string;
}

export interface TaskForceMembersTable {
  task_force_id: string;
  membership_id: string;
  added_at: string;
}

export interface OnCallShiftsTable {
  id: string;
  task_force_id: string;
  membership_id: string;
  starts_at: string;
  ends_at: string;
}

export interface RatTeamsTable {
  id: string;
  case_id: string;
  task_force_id: string;
  requested_at: string;
  requested_by_user_id: string;
  formed_at: string | null;
  formation_ms: number | null;
}

export interface RatSeatsTable {
  id: string;
  rat_id: string;
  seat: string;
  membership_id: string;
  status: "offered" | "accepted" | "declined" | "withdrawn";
  offered_at: string;
  responded_at: string | null;
  reason: string | null;
}

export interface ServicePlansTable {
  id: string;
  case_id: string;
  person_id: string;
  kind: string;
  status: string;
  agency_id: string;
  created_by_user_id: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface PlanItemsTable {
  id: string;
  plan_id: string;
  domain: string;
  need: string;
  goal: string | null;
  service: string;
  provider_agency_id: string | null;
  starts_on: string | null;
  ends_on: string | null;
  status: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface ReferralsTable {
  id: string;
  case_id: string;
  person_id: string;
  from_agency_id: string;
  to_agency_id: string;
  domain: string;
  service: string;
  discloses_identity: number;
  disclosure_basis: string;
  consent_id: string | null;
  statute: string | null;
  status: "sent" | "accepted" | "declined" | "completed" | "withdrawn";
  reason: string | null;
  sent_by_user_id: string;
  sent_at: string;
  updated_at: string;
  version: number;
}

export interface CaseNotesTable {
  id: string;
  case_id: string;
  about_person_id: string | null;
  author_user_id: string;
  author_agency_id: string;
  confidential: number;
  body: string;
  created_at: string;
}

export interface CaseDocumentsTable {
  id: string;
  case_id: string;
  about_person_id: string | null;
  uploaded_by_user_id: string;
  agency_id: string;
  confidential: number;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  scan_status: string;
  content: string;
  created_at: string;
}

export interface TipMessagesTable {
  case_id: string;
  narrative: string | null;
  contact: string | null;
  created_at: string;
}

export interface CoordinationTables {
  certifications: CertificationsTable;
  task_forces: TaskForcesTable;
  task_force_members: TaskForceMembersTable;
  on_call_shifts: OnCallShiftsTable;
  rat_teams: RatTeamsTable;
  rat_seats: RatSeatsTable;
  service_plans: ServicePlansTable;
  plan_items: PlanItemsTable;
  referrals: ReferralsTable;
  case_notes: CaseNotesTable;
  case_documents: CaseDocumentsTable;
  tip_messages: TipMessagesTable;
}
