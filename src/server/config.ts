import { isIP } from "node:net";
import { availableParallelism } from "node:os";
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

/**
 * Which peers may tell us the client's address in X-Forwarded-For. Off by default: the socket
 * address is the client. Trusting everyone would let any client choose its own address (and
 * escape the login rate limit), so "on" is refused; name the proxies or count them.
 */
export type TrustProxy = false | { hops: number } | string[];

// proxy-addr's named ranges (Fastify resolves them), for a proxy on the same host or network.
const NAMED_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);

function validProxyEntry(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

const trustProxy = z
  .string()
  .trim()
  .transform((v, c): TrustProxy => {
    if (["", "0", "off", "false", "no"].includes(v)) return false;
    if (/^\d+$/.test(v)) {
      const hops = Number(v);
      if (hops >= 1 && hops <= 20) return { hops };
    } else {
      const entries = v.split(",").map((e) => e.trim());
      if (entries.every(validProxyEntry)) return entries;
    }
    c.addIssue({
      code: "custom",
      message:
        "must be off, a number of proxy hops (1-20), or a comma-separated list of proxy addresses or CIDR ranges (e.g. 127.0.0.1,10.0.0.0/8)",
    });
    return z.NEVER;
  });

const LOOPBACK_HOSTS = /^(localhost|127(\.\d{1,3}){3}|::1)$/;

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
  PG_POOL_SIZE: z.coerce.number().int().min(1).max(200).optional(),
  WAYPOINT_PUBLIC_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(60),
  WAYPOINT_TRUST_PROXY: trustProxy.default(false),
  WAYPOINT_MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  WAYPOINT_METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
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
  /** PostgreSQL connections of this process (PG_POOL_SIZE, else `defaultPgPoolSize()`). */
  pgPoolSize: number;
  /** Requests per minute per client address on the public (no-login) endpoints. */
  publicRatePerMinute: number;
  /** Proxies whose X-Forwarded-For gives the client address (audit, rate limits). */
  trustProxy: TrustProxy;
  /** Largest document a case may hold, in bytes. */
  maxUploadBytes: number;
  /** Bearer token of GET /metrics; absent means the route answers 404. */
  metricsToken: string | null;
  /** Outgoing mail; absent means in-app notifications only. */
  smtp: { host: string; port: number; from: string; insecure: boolean } | null;
}

/**
 * PostgreSQL connections per server process when PG_POOL_SIZE is unset: a few per core. A
 * request holds its connection from BEGIN to COMMIT, mostly waiting on the database (its
 * round trips and the commit's WAL flush), so one core keeps several connections busy; many more
 * than the database has cores only queue inside PostgreSQL instead of inside the pool, and every
 * server process adds its own pool against the server's max_connections (100 by default).
 */
export const PG_CONNECTIONS_PER_CORE = 4;

export function defaultPgPoolSize(cores: number = availableParallelism()): number {
  return Math.max(4, Math.min(64, PG_CONNECTIONS_PER_CORE * cores));
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
  const proxy = e.WAYPOINT_TRUST_PROXY;
  if (proxy !== false && !Array.isArray(proxy) && !LOOPBACK_HOSTS.test(e.HOST)) {
    // A hop count cannot tell the proxy from a client that reaches the server directly and
    // sends its own X-Forwarded-For; it is safe only when nothing but a local proxy can connect.
    throw new ConfigError(
      `WAYPOINT_TRUST_PROXY: a hop count is safe only when HOST is a loopback address; with HOST=${e.HOST} list the proxy addresses instead`,
    );
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
    pgPoolSize: e.PG_POOL_SIZE ?? defaultPgPoolSize(),
    publicRatePerMinute: e.WAYPOINT_PUBLIC_RATE_LIMIT,
    trustProxy: proxy,
    maxUploadBytes: e.WAYPOINT_MAX_UPLOAD_BYTES,
    metricsToken: e.WAYPOINT_METRICS_TOKEN ?? null,
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
