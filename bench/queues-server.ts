import type { KyselyPlugin } from "kysely";
import { startAuditSealer } from "../src/server/audit/audit-sealer-loop.ts";
import { systemClock } from "../src/server/clock.ts";
import { openDatabase } from "../src/server/db/database.ts";
import { loadKeyring } from "../src/server/security/keyring.ts";
import { sessionCookieFor } from "./sessions.ts";

/** The roles the queue benchmark signs in as: every role with a list of cases or obligations. */
export const BENCH_ROLES = [
  "cps_investigator",
  "ht_investigator",
  "victim_advocate",
  "medical",
  "screener",
  "task_force_lead",
  "state_coordinator",
] as const;
export type BenchRole = (typeof BENCH_ROLES)[number];

export interface ServerInfo {
  port: number;
  cookies: Record<BenchRole, string>;
}

/**
 * Child mode of `bench queues`: serves one database with a session for the first account of
 * each role, and answers "count" over IPC with the statements Kysely has run so far (a plugin
 * sees every statement but BEGIN and COMMIT), so the driver can count a request's queries.
 */
export async function serveQueues(path: string): Promise<void> {
  const { buildApp } = await import("../src/server/app.ts");
  let statements = 0;
  const counter: KyselyPlugin = {
    transformQuery: (args) => args.node,
    // Once per statement run (transformQuery also runs for each subquery a builder nests).
    transformResult: async (args) => {
      statements++;
      return args.result;
    },
  };
  // Every statement passes the counter, those of units of work (db.transact) included.
  const db = openDatabase({ kind: "sqlite", path }, { plugins: [counter] });
  const keyring = loadKeyring(`${path}.key`, { createIfMissing: false });
  const cookies = {} as Record<BenchRole, string>;
  for (const role of BENCH_ROLES) cookies[role] = await sessionCookieFor(db, role);
  const app = await buildApp({
    config: { logLevel: "warn", env: "production" },
    ctx: { db, clock: systemClock, keyring },
  });
  // The sealer shares the connection, as in a server, but not the counter: its statements are
  // not the requests'.
  startAuditSealer({
    db: { ...db, kysely: db.kysely.withoutPlugins() },
    clock: systemClock,
    keyring,
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  process.on("message", (m) => {
    if (m === "count") process.send?.({ statements });
  });
  const info: ServerInfo = {
    port: typeof address === "object" && address ? address.port : 0,
    cookies,
  };
  process.send?.(info);
}
