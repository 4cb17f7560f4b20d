/**
 * The names of what the access policy answers (src/server/access/policy.ts decides the values).
 * The server's response schemas and the web app's types are built from these lists, so an
 * ability added to the policy reaches the client without a second copy to keep in step.
 */
export const CASE_ABILITY_NAMES = [
  "read",
  "readIdentity",
  "manageTeam",
  "recordConsent",
  "breakGlass",
  "formRat",
  "editPlan",
  "writeSpecializedPlan",
  "sendReferral",
  "readCaseFile",
  "writeNote",
  "uploadDocument",
  "changeStatus",
  "assignCase",
  "reassess",
  "readTip",
  "editPeople",
] as const;
export type CaseAbilities = Record<(typeof CASE_ABILITY_NAMES)[number], boolean>;

export const ACCOUNT_ABILITY_NAMES = [
  "intake",
  "overdueQueue",
  "openCasesQueue",
  "readAudit",
  "administerAccounts",
  "createAgencies",
  "manageTaskForces",
  "recordCertifications",
  "receiveReferrals",
  "caseload",
] as const;
export type AccountAbilities = Record<(typeof ACCOUNT_ABILITY_NAMES)[number], boolean>;

/**
 * What the caller may do with one task force (the unit of work on a task force checks these;
 * they are not sent to the client, which learns `mayManage` from the task-force directory).
 */
export const TASK_FORCE_ABILITY_NAMES = ["manage", "readRoster"] as const;
export type TaskForceAbilities = Record<(typeof TASK_FORCE_ABILITY_NAMES)[number], boolean>;
