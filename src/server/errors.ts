/**
 * The one error catalogue. Every failure the API answers has a stable snake_case `code` clients
 * may branch on; the catalogue fixes each code's HTTP status and a default message that is safe to
 * show a person (plain words, never personal data or internals). A thrower may give a more precise
 * message and the input field to fix. docs/errors.md and the OpenAPI document list these codes
 * (a test keeps both in step with this table).
 */
export const ERROR_CATALOGUE = {
  invalid_input: { status: 400, message: "Some of what was sent is not valid." },
  invalid_request: { status: 400, message: "The request is malformed." },
  invalid_code: { status: 400, message: "That code is not right." },
  unauthenticated: { status: 401, message: "Please sign in." },
  invalid_credentials: {
    status: 401,
    message: "The e-mail address or password is not right, or the account is locked.",
  },
  forbidden: { status: 403, message: "Your role cannot do this." },
  csrf_failed: {
    status: 403,
    message: "This request is missing its security token; reload the page and try again.",
  },
  role_not_grantable: {
    status: 403,
    message: "You cannot give this role. Only a system administrator can.",
  },
  not_found: { status: 404, message: "No such record." },
  method_not_allowed: { status: 405, message: "This address does not take that method." },
  conflict: { status: 409, message: "This changed or already exists; reload and try again." },
  already_closed: { status: 409, message: "This obligation is already closed." },
  cannot_disable_self: { status: 409, message: "You cannot disable your own account." },
  mfa_not_started: { status: 409, message: "Start the set-up first." },
  mfa_not_enrolled: { status: 409, message: "Set up two-step sign-in first." },
  consent_not_needed: {
    status: 409,
    message: "Only victim-services records need a consent to be shared.",
  },
  invalid_transition: { status: 409, message: "The record cannot change that way now." },
  case_closed: {
    status: 409,
    message: "This case is closed. Reopen it to add to it.",
  },
  case_has_open_work: {
    status: 409,
    message:
      "This case still has open obligations or referrals waiting for an answer; settle them before closing it.",
  },
  payload_too_large: { status: 413, message: "What was sent is too large." },
  unsupported_media_type: { status: 415, message: "This kind of file or content is not taken." },
  content_mismatch: { status: 415, message: "The file's content is not of the type it claims." },
  unknown_reference: {
    status: 422,
    message: "Something this request refers to does not exist (it may have just been removed).",
  },
  document_infected: { status: 422, message: "The scanner found malware in this file." },
  not_a_minor: { status: 422, message: "This is only for a minor victim." },
  role_does_not_fit_agency: {
    status: 422,
    message: "This role does not belong in that kind of agency.",
  },
  consent_giver_not_allowed: {
    status: 422,
    message: "This person cannot give consent for this record.",
  },
  consent_required: {
    status: 422,
    message:
      "Sharing this person's identity with that agency needs their valid written consent on record.",
  },
  statutory_basis_not_met: {
    status: 422,
    message: "That statute does not cover this recipient or this person.",
  },
  not_a_member: {
    status: 422,
    message: "This person is not a member of the task force with this seat's role.",
  },
  wrong_role: { status: 422, message: "This person does not hold the role this seat needs." },
  certification_missing: {
    status: 422,
    message: "This person holds no certification for this seat.",
  },
  certification_expired: {
    status: 422,
    message: "This person's certification for this seat is not valid today.",
  },
  rate_limited: { status: 429, message: "Too many requests; try again shortly." },
  internal_error: { status: 500, message: "Something went wrong on our side." },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;
export const ERROR_CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[];

/** The one error type; its status comes from the catalogue, never from the thrower. */
export class AppError extends Error {
  override name = "AppError";
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_CATALOGUE[code].message,
    readonly field?: string,
  ) {
    super(message);
    this.status = ERROR_CATALOGUE[code].status;
  }
}

/** Throws of the common kinds, each with its code's status. */
export const badRequest = (message: string, field?: string) =>
  new AppError("invalid_input", message, field);
export const notFound = (what = "record", field?: string) =>
  new AppError("not_found", `No such ${what}.`, field);
export const forbidden = (message?: string, field?: string) =>
  new AppError("forbidden", message, field);
export const conflict = (message?: string) => new AppError("conflict", message);
export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

export function errorBody(e: AppError): ErrorBody {
  return {
    error: { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) },
  };
}
