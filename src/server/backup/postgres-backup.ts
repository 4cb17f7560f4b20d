import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { BackupError } from "./backup-error.ts";

/**
 * PostgreSQL backups are pg_dump's custom format (compressed, restored with pg_restore), of the
 * one schema the application uses. pg_dump reads one consistent snapshot, so it is safe while
 * servers write. The tools must be on PATH, of the server's major version or newer.
 *
 * The connection goes to the tools through libpq's environment (PGHOST, PGPASSWORD, …), never on
 * the command line, where any user of the machine could read a password in the process list.
 */
function libpqEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  const set = (name: string, value: string | null | undefined) => {
    if (value) env[name] = value;
  };
  set("PGHOST", decodeURIComponent(u.hostname).replace(/^\[|\]$/g, ""));
  set("PGPORT", u.port);
  set("PGUSER", decodeURIComponent(u.username));
  set("PGPASSWORD", decodeURIComponent(u.password));
  set("PGDATABASE", decodeURIComponent(u.pathname.replace(/^\//, "")));
  set("PGOPTIONS", u.searchParams.get("options"));
  set("PGSSLMODE", u.searchParams.get("sslmode"));
  return env;
}

function run(tool: "pg_dump" | "pg_restore", args: string[], url?: string): string {
  const r = spawnSync(tool, args, {
    env: url ? libpqEnv(url) : process.env,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error && (r.error as NodeJS.ErrnoException).code === "ENOENT") {
    throw new BackupError(
      `${tool} was not found on PATH: install the PostgreSQL client tools (the server's major version or newer)`,
    );
  }
  if (r.status !== 0) {
    const line = (r.stderr || String(r.error ?? "")).trim().split("\n")[0] ?? "";
    throw new BackupError(`${tool} failed: ${line.replace(/^\S+: error: /, "")}`);
  }
  return r.stdout;
}

/** `pg_dump --format=custom --schema=SCHEMA` into `to` (written aside, then renamed into place). */
export function backupPostgres(url: string, schema: string, to: string): void {
  const target = resolve(to);
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.${process.pid}.partial`;
  try {
    run("pg_dump", ["--format=custom", `--schema=${schema}`, `--file=${partial}`], url);
    chmodSync(partial, 0o600);
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
}

/** The schema an archive holds (the tools keep schema names; a restore goes to the same one). */
export function archiveSchema(file: string): string {
  let listing: string;
  try {
    listing = run("pg_restore", ["--list", file]);
  } catch (e) {
    if (e instanceof BackupError && e.message.startsWith("pg_restore failed"))
      throw new BackupError(`${file} is not a backup made by pg_dump --format=custom`);
    throw e;
  }
  const schema = listing.match(/^\d+; \d+ \d+ TABLE \S+ (\S+) audit_log /m)?.[1];
  if (!schema) throw new BackupError(`${file} holds no Waypoint database (no audit_log table)`);
  return schema;
}

/**
 * pg_restore in one transaction that stops at the first error: all or nothing. Objects of the
 * archive that exist in the target are dropped first (--clean), so a migrated but empty target,
 * or a non-empty one with --force, takes the backup. Owners are not restored: the tables belong
 * to the user of DATABASE_URL, the application's own.
 */
export function restorePostgres(url: string, file: string): void {
  // pg_restore writes SQL to standard output unless it is given a database by name; the name is
  // no secret, the rest of the connection comes from the environment.
  const database = decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || "postgres";
  run(
    "pg_restore",
    [
      "--clean",
      "--if-exists",
      "--no-owner",
      "--single-transaction",
      "--exit-on-error",
      `--dbname=${database}`,
      file,
    ],
    url,
  );
}
