/** Bad usage: the CLI prints the message on one line and exits with status 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** A refusal the user can fix (4xx) becomes a usage error (exit 2); anything else stays a failure. */
export function asUsageError(e: unknown): unknown {
  const status = (e as { status?: unknown }).status;
  return e instanceof Error && e.name === "AppError" && typeof status === "number" && status < 500
    ? new UsageError(e.message)
    : e;
}
