import SqliteDatabase from "better-sqlite3";
import pg from "pg";

/**
 * What the two databases' errors mean to the application, and the part of them that is safe to
 * log. A database error's message, `detail`, `where` and parameters can carry the very values
 * that were written (PostgreSQL: `Key (email)=(…) already exists`; `invalid input syntax for
 * type …: "…"`), so only the error code and the constraint name ever leave this module.
 */
export type DatabaseErrorKind = "foreign_key" | "unique" | "other";

export interface DatabaseErrorSummary {
  kind: DatabaseErrorKind;
  /** SQLITE_CONSTRAINT_… or the PostgreSQL SQLSTATE (23503, 23505, …). */
  dbCode: string;
  /** PostgreSQL names the constraint; SQLite does not. */
  constraint?: string;
}

const PG_KINDS: Record<string, DatabaseErrorKind> = {
  "23503": "foreign_key", // foreign_key_violation
  "23505": "unique", // unique_violation
};
const SQLITE_KINDS: Record<string, DatabaseErrorKind> = {
  SQLITE_CONSTRAINT_FOREIGNKEY: "foreign_key",
  SQLITE_CONSTRAINT_UNIQUE: "unique",
  SQLITE_CONSTRAINT_PRIMARYKEY: "unique",
};

/** The summary of a database error (or of one in its `cause` chain); undefined for any other. */
export function summarizeDatabaseError(err: unknown): DatabaseErrorSummary | undefined {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof pg.DatabaseError) {
      const dbCode = e.code ?? "unknown";
      return {
        kind: PG_KINDS[dbCode] ?? "other",
        dbCode,
        ...(e.constraint ? { constraint: e.constraint } : {}),
      };
    }
    if (e instanceof SqliteDatabase.SqliteError)
      return { kind: SQLITE_KINDS[e.code] ?? "other", dbCode: e.code };
  }
  return undefined;
}
