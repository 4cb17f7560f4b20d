/**
 * The one error type. `code` is a stable snake_case identifier clients may branch on; `message`
 * is safe to show to a user and never contains personal data or internals.
 */
export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, field?: string) =>
  new AppError("invalid_input", 400, message, field);
export const notFound = (what = "record") => new AppError("not_found", 404, `No such ${what}.`);
export const conflict = (message: string) => new AppError("conflict", 409, message);
export const unavailable = (message: string) => new AppError("unavailable", 503, message);

export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

export function errorBody(e: AppError): ErrorBody {
  return {
    error: { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) },
  };
}
