import { readFileSync } from "node:fs";
import { hostname } from "node:os";
import { fileURLToPath } from "node:url";
import { buildApp } from "./app.ts";
import { startAuditSealer } from "./audit/audit-sealer-loop.ts";
import { systemClock } from "./clock.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { migrateToLatest, openDatabase } from "./db/database.ts";
import { analyzeDatabase } from "./db/sqlite-tuning.ts";
import { DEMO_PASSWORD, isEmpty, seedDemo } from "./demo/seed-demo.ts";
import { startWorker } from "./jobs/worker.ts";
import { createLogger } from "./logger.ts";
import { noMailer, smtpMailer } from "./mail/mailer.ts";
import type { Keyring } from "./security/keyring.ts";
import { auditRoleGrants } from "./use-cases/audit/audit-role-grants.ts";
import { loadKeyringForDatabase } from "./use-cases/operations/check-key-file.ts";
import { checkRouting } from "./use-cases/operations/check-routing.ts";

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
    return String(pkg.version);
  } catch {
    return "0.0.0";
  }
}

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`waypoint: bad configuration: ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  const log = createLogger(config.logLevel);
  const db = openDatabase(config.database, { poolSize: config.pgPoolSize });
  // A key is made only for a database without encrypted data (never in production): a new key
  // would make every encrypted field unreadable. A key file that does not decrypt stops start-up.
  // The key is checked before migrating, because a migration may encrypt data with it.
  let keyring: Keyring;
  try {
    keyring = await loadKeyringForDatabase(db, config.keyFile, {
      createIfMissing: config.env !== "production",
    });
  } catch (e) {
    await db.close();
    throw e;
  }
  const applied = await migrateToLatest(db, keyring);
  if (applied.length > 0) {
    log.info({ migrations: applied }, "migrations applied");
    await analyzeDatabase(db); // a new index is planned with only once it is analysed
  }

  let demoLogins: string[] = [];
  if (config.demo && (await isEmpty(db.kysely))) {
    const seeded = await seedDemo(db, systemClock, {
      cases: config.demoCases,
      production: config.env === "production",
      keyring,
    });
    log.info(
      { agencies: seeded.agencies, users: seeded.users, cases: seeded.cases },
      "synthetic demo data seeded",
    );
    demoLogins = [
      `  demo logins (password "${DEMO_PASSWORD}"; roles that see identities enrol TOTP at first sign-in):`,
      ...seeded.logins.map((l) => `    ${l.email.padEnd(58)} ${l.role}`),
    ];
  } else if (config.demo) {
    demoLogins = [`  demo logins: as printed at first start; password "${DEMO_PASSWORD}"`];
  }

  const webRoot = fileURLToPath(new URL("../web", import.meta.url));
  const app = await buildApp({
    config,
    ctx: { db, clock: systemClock, keyring },
    webRoot,
    version: packageVersion(),
    maxUploadBytes: config.maxUploadBytes,
  });

  const mailer = config.smtp ? smtpMailer(config.smtp) : noMailer;
  // Every server process also works the deadline queue; leases keep two processes from firing
  // the same reminder.
  const worker = startWorker(
    { db, clock: systemClock, keyring },
    mailer,
    `${hostname()}:${process.pid}`,
    15_000,
    (e) => log.error({ err: e }, "deadline worker round failed"),
  );

  // Every server process also runs the audit sealer; on PostgreSQL one leads at a time.
  const sealer = startAuditSealer(
    { db, clock: systemClock, keyring },
    { onError: (e) => log.error({ err: e }, "audit sealer round failed") },
  );

  // A report must never land in an empty office: say at start-up where routing reaches no one
  // (counts and county names only; `cli routing check` lists them).
  const routing = await checkRouting({ db, clock: systemClock, keyring });
  const noOne = routing.unreached.filter((c) => c.fallsTo === "no_one");
  if (noOne.length > 0 || !routing.publicTipsReachSomeone)
    log.warn(
      {
        countiesReachingNoOne: noOne.length,
        publicTipsReachSomeone: routing.publicTipsReachSomeone,
      },
      "some reports would reach no one: run `cli routing check`",
    );
  else if (routing.unreached.length > 0)
    log.info(
      { countiesFallingBackToStatewide: routing.unreached.length },
      "child reports from some counties go to the statewide CPS office",
    );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down: finishing in-flight requests");
    // A request that never finishes must not keep the process alive forever.
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await app.close();
    await worker.stop();
    await sealer.stop();
    mailer.close();
    await db.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));

  await app.listen({ port: config.port, host: config.host });
  // Accounts made through a hole in the grant rule keep their power until someone looks:
  // say so at every start (membership ids only, never e-mails), without delaying readiness.
  void auditRoleGrants({ db, clock: systemClock, keyring })
    .then((findings) => {
      if (findings.length > 0)
        log.warn(
          { memberships: findings.map((f) => ({ id: f.membershipId, problem: f.problem })) },
          `${findings.length} role grant(s) the access policy would refuse today; run: cli user audit-roles`,
        );
    })
    .catch((e) => log.error({ err: e }, "role grant audit failed"));
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${port}/`;
  process.stdout.write(
    [
      "",
      `Waypoint is running at ${url}`,
      `  database: ${db.dialect}${config.demo ? " (synthetic demo data)" : ""}`,
      `  API docs: ${url}api/docs`,
      ...demoLogins,
      "",
    ].join("\n"),
  );
}

main().catch((e) => {
  process.stderr.write(
    `waypoint: failed to start: ${e instanceof Error ? e.message : String(e)}\n`,
  );
  process.exit(1);
});
