import { copyFileSync, existsSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { systemClock } from "../src/server/clock.ts";
import { type Db, migrateToLatest, openDatabase } from "../src/server/db/database.ts";
import { seedDemo } from "../src/server/demo/seed-demo.ts";
import { newId } from "../src/server/ids.ts";
import { loadKeyring } from "../src/server/security/keyring.ts";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const SEED = 11;
const BATCH = 400;
const CASES_PER_TEAM_MEMBER = 60;

/**
 * The database the queue benchmark reads, built once per size and cached under data/ (a copy is
 * what a run migrates and reads, so the cached file stays at the schema it was built with and
 * before/after runs start from the same bytes). The one place that builds it: switch this to the
 * bulk loader once it exists.
 */
export async function queuesDatabase(cases: number): Promise<string> {
  const cached = join(process.cwd(), "data", `bench-queues-${cases}-seed${SEED}.db`);
  if (!existsSync(cached)) {
    const building = `${cached}.building`;
    const db = openDatabase({ kind: "sqlite", path: building, synchronous: "normal" });
    await migrateToLatest(db);
    const keyring = loadKeyring(`${cached}.key`, { createIfMissing: true });
    await seedDemo(db, systemClock, { cases, production: false, seed: SEED, keyring });
    await addCaseWork(db, SEED);
    await db.close();
    renameSync(building, cached);
    process.stderr.write(`built ${cases}-case database\n`);
  }
  const run = cached.replace(/\.db$/, ".run.db");
  // A killed server leaves its log beside the copy: replayed onto a fresh copy, it corrupts it.
  for (const left of ["-wal", "-shm"]) rmSync(`${run}${left}`, { force: true });
  copyFileSync(cached, run);
  copyFileSync(`${cached}.key`, `${run}.key`);
  return run;
}

/** A small deterministic generator (mulberry32): the same seed gives the same workload. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * The work seedDemo does not write, shaped like a state's: each case's obligations (the CPS,
 * advocate and reporter duties intake creates; recent ones mostly open, old ones mostly met, a
 * few left overdue), old cases mostly closed, each team member on the same number of cases (the
 * first of them owning the reporter's duties), and a Rapid Assessment Team on one case in a hundred.
 */
export async function addCaseWork(db: Db, seed: number): Promise<void> {
  const rnd = random(seed);
  const now = Date.now();
  const k = db.kysely;
  const users = await k.selectFrom("memberships").select(["user_id", "role"]).execute();
  const teamUsers = users
    .filter((u) => ["ht_investigator", "medical", "shelter_staff", "screener"].includes(u.role))
    .map((u) => u.user_id);
  const lead = users.find((u) => u.role === "task_force_lead")?.user_id;
  const taskForce = await k.selectFrom("task_forces").select("id").executeTakeFirst();
  const cases = await k
    .selectFrom("cases")
    .select(["id", "received_at", "agency_id"])
    .orderBy("id")
    .execute();
  // A person's caseload does not grow with the state: each team member is on the same number of
  // cases whatever the database's size, so a team-scoped list has the same rows at 10k and 100k.
  const teamOf = new Map<number, string[]>();
  for (const u of teamUsers)
    for (let j = 0; j < CASES_PER_TEAM_MEMBER; j++) {
      const at = Math.floor(rnd() * cases.length);
      teamOf.set(at, [...new Set([...(teamOf.get(at) ?? []), u])]);
    }
  for (let i = 0; i < cases.length; i += BATCH) {
    const obligations: Record<string, unknown>[] = [];
    const team: Record<string, unknown>[] = [];
    const rats: Record<string, unknown>[] = [];
    const closed: string[] = [];
    for (const [j, c] of cases.slice(i, i + BATCH).entries()) {
      const received = Date.parse(c.received_at);
      const ageDays = (now - received) / DAY_MS;
      const members = teamOf.get(i + j) ?? [];
      const reporter = members[0] ?? null;
      for (const u of members) team.push({ case_id: c.id, user_id: u, added_at: c.received_at });
      if (ageDays > 120 && rnd() < 0.9) closed.push(c.id);
      const duties: [string, string, number | null][] = [
        ["report_cps", "reporter", 0],
        ["cps_in_person_contact_24h", "cps_investigator", 24],
        ["cps_specialized_plan", "cps_investigator", 30 * 24],
        ["contact_victim_advocate", "victim_advocate", 72],
        ["document_everything", "reporter", null],
      ];
      for (const [action, owner, hours] of duties) {
        const open = ageDays < 45 ? rnd() < 0.7 : rnd() < 0.02;
        obligations.push({
          id: newId(),
          case_id: c.id,
          action_id: action,
          owner_role: owner,
          owner_user_id: owner === "reporter" ? reporter : null,
          queue_agency_id: c.agency_id,
          status: open ? "open" : "done",
          due_at: hours === null ? null : new Date(received + hours * HOUR_MS).toISOString(),
          created_at: c.received_at,
          closed_at: open ? null : new Date(received + 2 * DAY_MS).toISOString(),
          closed_by_user_id: null,
          evidence: null,
          reason: null,
          version: 1,
        });
      }
      if (taskForce && lead && rnd() < 0.01)
        rats.push({
          id: newId(),
          case_id: c.id,
          task_force_id: taskForce.id,
          requested_at: c.received_at,
          requested_by_user_id: lead,
          formed_at: new Date(received + 2 * HOUR_MS).toISOString(),
          formation_ms: 2 * HOUR_MS,
        });
    }
    await k.transaction().execute(async (trx) => {
      await trx
        .insertInto("obligations")
        .values(obligations as never)
        .execute();
      if (team.length)
        await trx
          .insertInto("case_team")
          .values(team as never)
          .execute();
      if (rats.length)
        await trx
          .insertInto("rat_teams")
          .values(rats as never)
          .execute();
      if (closed.length)
        await trx
          .updateTable("cases")
          .set({ status: "closed", closed_at: new Date(now).toISOString() })
          .where("id", "in", closed)
          .execute();
    });
  }
}
