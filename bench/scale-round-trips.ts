import { createSession } from "../src/server/auth/sessions.ts";
import { systemClock } from "../src/server/clock.ts";
import { parseDatabaseUrl } from "../src/server/config.ts";
import { openDatabase } from "../src/server/db/database.ts";
import { loadKeyring } from "../src/server/security/keyring.ts";
import { countPostgresRoundTrips, summarize } from "./query-counter.ts";
import type { BenchDatabase } from "./scale-data.ts";

const INTAKE = {
  source: "cps_hotline",
  countyFips: "28049",
  persons: [
    { part: "victim", givenName: "Bench", familyName: "Person", ageYears: 15 },
    { part: "suspected_trafficker", givenName: "Other" },
  ],
  facts: {
    subject: { age: 15 },
    sex: { act: true, valueExchanged: true },
    context: { crossesStateLines: true },
  },
};

/**
 * The statements each hot path sends to PostgreSQL, through the whole server (authentication,
 * the unit of work, the audit row), counted in this process on the second of two identical
 * requests (the first may prepare what the second reuses). Intake adds one case per run.
 */
export async function printRoundTrips(bench: BenchDatabase, list: boolean): Promise<void> {
  const counter = countPostgresRoundTrips();
  const { buildApp } = await import("../src/server/app.ts");
  const db = openDatabase(parseDatabaseUrl(bench.url), { poolSize: 2 });
  const keyring = loadKeyring(bench.keyFile, { createIfMissing: false });
  const app = await buildApp({
    config: { logLevel: "warn", env: "production" },
    ctx: { db, clock: systemClock, keyring },
  });
  const sessionAs = async (role: string) => {
    const m = await db.kysely
      .selectFrom("memberships")
      .select(["user_id", "id", "agency_id"])
      .where("role", "=", role)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const s = await createSession(db.kysely, systemClock, {
      userId: m.user_id,
      membershipId: m.id,
      mfaPassed: true,
      clientIp: null,
    });
    return { cookie: `__Host-waypoint=${s.token}`, csrf: s.csrfToken, agencyId: m.agency_id };
  };
  const coordinator = await sessionAs("state_coordinator");
  const cps = await sessionAs("cps_investigator");
  const anyCase = await db.kysely
    .selectFrom("cases")
    .select("id")
    .orderBy("id")
    .executeTakeFirstOrThrow();
  const cpsCase = await db.kysely
    .selectFrom("cases")
    .select("id")
    .where("agency_id", "=", cps.agencyId)
    .orderBy("id")
    .executeTakeFirstOrThrow();
  const paths = [
    {
      name: "case read (state coordinator)",
      who: coordinator,
      method: "GET",
      url: `/api/v1/cases/${anyCase.id}`,
    },
    {
      name: "case read (CPS investigator)",
      who: cps,
      method: "GET",
      url: `/api/v1/cases/${cpsCase.id}`,
    },
    {
      name: "My work: my obligations (CPS)",
      who: cps,
      method: "GET",
      url: "/api/v1/me/obligations",
    },
    {
      name: "My work: open cases (coordinator)",
      who: coordinator,
      method: "GET",
      url: "/api/v1/queues/open-cases",
    },
    {
      name: "intake (CPS investigator)",
      who: cps,
      method: "POST",
      url: "/api/v1/cases",
      body: INTAKE,
    },
  ] as const;
  process.stdout.write(
    "\nRound trips to PostgreSQL per request (statements, BEGIN/COMMIT included)\n",
  );
  for (const p of paths) {
    const send = () =>
      app.inject({
        method: p.method,
        url: p.url,
        headers: { cookie: p.who.cookie, "x-csrf-token": p.who.csrf },
        ...("body" in p ? { payload: p.body } : {}),
      });
    await send();
    counter.take();
    const reply = await send();
    const statements = counter.take();
    if (reply.statusCode >= 300) throw new Error(`${p.name}: ${reply.statusCode} ${reply.body}`);
    process.stdout.write(
      `  ${p.name.padEnd(44)} ${String(statements.length).padStart(12)} round trips\n`,
    );
    if (list) for (const s of summarize(statements)) process.stdout.write(`      ${s}\n`);
  }
  await app.close();
  await db.close();
}
