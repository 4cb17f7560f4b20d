/**
 * The one way the browser talks to the server: JSON in and out, the session cookie sent by the
 * browser itself, and the CSRF token (kept in memory only) echoed on every state-changing
 * request, as `src/server/http/auth-hook.ts` requires.
 */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;

/** Set from the sign-in answers and from GET /api/v1/me; never written to storage. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export interface RequestOptions {
  /**
   * Send no cookie: public pages' calls (screening, tips) must not be tied to a staff session
   * that happens to exist in this browser, and then need no CSRF token either.
   */
  anonymous?: boolean;
}

/** A request body: JSON (any value) or a file sent as it is, with its own media type. */
type Body = { json: unknown } | { file: Blob; type: string } | undefined;

async function request<T>(
  method: string,
  path: string,
  body?: Body,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body && "json" in body) headers["content-type"] = "application/json";
  if (body && "file" in body) headers["content-type"] = body.type;
  if (method !== "GET" && csrfToken && !options.anonymous) headers["x-csrf-token"] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: options.anonymous ? "omit" : "same-origin",
      // API answers may hold personal data; the server says no-store, and so do we.
      cache: "no-store",
      ...(body ? { body: "json" in body ? JSON.stringify(body.json) : body.file } : {}),
    });
  } catch {
    throw new ApiError(0, "network", "network");
  }
  if (res.status === 204) return undefined as T;
  const json = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const e = (json as { error?: { code?: string; message?: string; field?: string } } | null)
      ?.error;
    throw new ApiError(res.status, e?.code ?? "unknown", e?.message ?? res.statusText, e?.field);
  }
  return json as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>("GET", path, undefined, options),
  post: <T>(path: string, body: unknown = {}, options?: RequestOptions) =>
    request<T>("POST", path, { json: body }, options),
  patch: <T>(path: string, body: unknown) => request<T>("PATCH", path, { json: body }),
  /** A removal that carries its reason (and the version it saw) in the body. */
  delete: <T>(path: string, body: unknown) => request<T>("DELETE", path, { json: body }),
  /** Uploads a file as the raw request body with its media type (case documents). */
  upload: <T>(path: string, file: Blob, type: string) => request<T>("POST", path, { file, type }),
};
