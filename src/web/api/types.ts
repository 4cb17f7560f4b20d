import type { AccountAbilities, CaseAbilities } from "../../domain/abilities.ts";

export type { AccountAbilities, CaseAbilities };

/**
 * Shapes of the API answers the web app reads, as `src/server/routes/*.ts` declare them (the
 * OpenAPI document at /api/openapi.json is generated from the same schemas).
 */
import type { Assessment } from "../../domain/assessment/engine.ts";
import type { Facts } from "../../domain/assessment/facts.ts";
import type { Language } from "../../domain/i18n/index.ts";

export type { Assessment, Facts };

export interface QuestionOption {
  value: string;
  label: string;
}

export interface Question {
  id: string;
  section: string;
  kind: "yes_no" | "age" | "choice";
  text: string;
  help: string;
  options: QuestionOption[];
  number?: { min: number; max: number; label: string };
  settles: string[];
}

export interface Questionnaire {
  version: string;
  lang: Language;
  title: string;
  intro: string;
  emergency: string;
  done: string;
  opening: string[];
  sections: { id: string; title: string }[];
  questions: Question[];
}

export type Answers = Record<string, string | number>;

export interface ScreeningStep {
  next: string | null;
  answered: number;
  facts: Facts;
  assessment: Assessment;
}

export interface County {
  fips: string;
  name: string;
}

export type SessionStatus = "signed_in" | "mfa_required" | "mfa_enrolment_required";

export interface SessionReply {
  status: SessionStatus;
  csrfToken: string;
  expiresAt: string;
}

export interface MfaEnrolment {
  otpauthUri: string;
  qrSvg: string;
  secret: string;
}

export interface Me {
  userId: string;
  email: string;
  displayName: string;
  language: string;
  agencyId: string;
  agencyName: string;
  role: string;
  abilities: AccountAbilities;
  /** The server's default for notes and documents this user writes (VAWA: victim services). */
  confidentialNotesByDefault: boolean;
  csrfToken: string | null;
}

export interface MyObligation {
  id: string;
  caseId: string;
  caseNumber: string;
  actionId: string;
  ownerRole: string;
  dueAt: string | null;
  overdue: boolean;
  version: number;
}

export interface OverdueObligation {
  id: string;
  caseId: string;
  caseNumber: string;
  actionId: string;
  ownerRole: string;
  countyFips: string | null;
  dueAt: string;
  overdueMinutes: number;
}

export interface IntakeReply {
  caseId: string;
  caseNumber: string;
  determination: string;
  obligations: { actionId: string; ownerRole: string; dueAt: string | null }[];
}

export interface CasePerson {
  id: string;
  part: string;
  holderAgencyId: string;
  ageYears: number | null;
  gender: string | null;
  citizenship: string | null;
  identity: {
    givenName?: string;
    familyName?: string;
    birthDate?: string;
    phone?: string;
    address?: string;
  };
  withheld: string[];
  disclosureBasis: "own_agency" | "consent" | "statutory_report" | "none";
}

export interface CaseDetail {
  id: string;
  caseNumber: string;
  status: string;
  source: string;
  countyFips: string | null;
  receivedAt: string;
  determination: string | null;
  agencyId: string;
  version: number;
  outcome: string | null;
  closedAt: string | null;
  persons: CasePerson[];
  abilities: CaseAbilities;
}

export interface AuditRow {
  seq: number;
  at: string;
  actorUserId: string | null;
  actorAgencyId: string | null;
  actorRole: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  fields: string[];
  clientIp: string | null;
  outcome: string;
  detail: Record<string, unknown>;
}
