import { z } from "zod";

/**
 * Configuration comes only from the environment and is validated once at start-up, so a typo in
 * a deployment fails fast with one line naming the variable instead of misbehaving later.
 */
const booleanFlag = z
  .enum(["1", "0", "true", "false", "on", "off", "yes", "no"])
  .transform((v) => ["1", "true", "on", "yes"].includes(v));

const databaseUrl = z
  .string()
  .refine((v) => /^sqlite:.+/.test(v) || /^postgres(ql)?:\/\/.+/.test(v), {
    message: "must be sqlite:<path> (or sqlite::memory:) or postgres://user@host:port/database",
  });

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce
    .number({ message: "must be a port number" })
    .int("must be a whole number")
    .min(0, "must be 0-65535")
    .max(65535, "must be 0-65535")
    .default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: databaseUrl.default("sqlite:./data/waypoint.db"),
  WAYPOINT_SQLITE_SYNCHRONOUS: z.enum(["full", "normal"]).default("full"),
  WAYPOINT_DEMO: booleanFlag.optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  WAYPOINT_KEY_FILE: z.string().min(1).default("./data/waypoint.key"),
  WAYPOINT_DEMO_CASES: z.coerce.number().int().min(0).max(100_000).default(40),
  PG_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  WAYPOINT_PUBLIC_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(60),
  WAYPOINT_MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(25),
  SMTP_FROM: z.string().min(3).default("Waypoint <no-reply@waypoint.invalid>"),
  SMTP_INSECURE: booleanFlag.optional(),
});

export type DatabaseTarget =
  | { kind: "sqlite"; path: string; synchronous?: SqliteSynchronous }
  | { kind: "postgres"; connectionString: string };

export interface Config {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  database: DatabaseTarget;
  /** Seed synthetic demo data into an empty database at start-up. Never in production. */
  demo: boolean;
  demoCases: number;
  logLevel: string;
  keyFile: string;
  pgPoolSize: number;
  /** Requests per minute per client address on the public (no-login) endpoints. */
  publicRatePerMinute: number;
  /** Largest document a case may hold, in bytes. */
  maxUploadBytes: number;
  /** Outgoing mail; absent means in-app notifications only. */
  smtp: { host: string; port: number; from: string; insecure: boolean } | null;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** See docs/decisions/0004-sqlite-durability.md. */
export type SqliteSynchronous = "full" | "normal";

function withSynchronous(target: DatabaseTarget, synchronous: SqliteSynchronous): DatabaseTarget {
  return target.kind === "sqlite" ? { ...target, synchronous } : target;
}

export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith("sqlite:")) return { kind: "sqlite", path: url.slice("sqlite:".length) };
  return { kind: "postgres", connectionString: url };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? "environment");
    throw new ConfigError(
      `${name}: ${issue?.message ?? "invalid"} (got ${JSON.stringify(env[name])})`,
    );
  }
  const e = parsed.data;
  const production = e.NODE_ENV === "production";
  if (production && e.WAYPOINT_DEMO === true) {
    throw new ConfigError("WAYPOINT_DEMO: demo data can never be enabled when NODE_ENV=production");
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database: withSynchronous(parseDatabaseUrl(e.DATABASE_URL), e.WAYPOINT_SQLITE_SYNCHRONOUS),
    demo: e.WAYPOINT_DEMO ?? !production,
    demoCases: e.WAYPOINT_DEMO_CASES,
    logLevel: e.LOG_LEVEL,
    keyFile: e.WAYPOINT_KEY_FILE,
    pgPoolSize: e.PG_POOL_SIZE,
    publicRatePerMinute: e.WAYPOINT_PUBLIC_RATE_LIMIT,
    maxUploadBytes: e.WAYPOINT_MAX_UPLOAD_BYTES,
    smtp: e.SMTP_HOST
      ? {
          host: e.SMTP_HOST,
          port: e.SMTP_PORT,
          from: e.SMTP_FROM,
          insecure: e.SMTP_INSECURE ?? !production,
        }
      : null,
  };
}
