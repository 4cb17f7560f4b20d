import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { systemClock } from "../src/server/clock.ts";
import { type Db, migrateToLatest, openDatabase } from "../src/server/db/database.ts";
import { MIGRATIONS } from "../src/server/db/migrations/index.ts";
import { bulkLoadCases } from "../src/server/demo/bulk-load.ts";
import { seedDemo } from "../src/server/demo/seed-demo.ts";
import { openIdentity } from "../src/server/repositories/person-identity.ts";
import { type Keyring, loadKeyring } from "../src/server/security/keyring.ts";

const SEED = 13;
/** Open obligations the My work user owns: the "a user with 200 open obligations". */
export const MY_OPEN_OBLIGATIONS = 200;
const schemaVersion = () => (Object.keys(MIGRATIONS).at(-1) ?? "none").toLowerCase();

/** What the benchmark searches for: values that exist in the database it reads. */
export interface CaseloadProbe {
  caseNumber: string;
  countyFips: string;
  person: { givenName: string; familyName: string; birthDate: string };
}

/**
 * The caseload benchmark's SQLite database: the demo's agencies and people, then `cases`
 * synthetic cases from the bulk loader (which keeps `next_due_at` and the assigned worker as
 * intake does), built once per size and schema version and kept under data/. Then the first CPS
 * investigator (the one the benchmark signs in as) is given exactly 200 open obligations, and
 * every other open obligation of their agency's role queue a named owner, so My work has 200 rows
 * at every size.
 */
export async function caseloadDatabase(
  cases: number,
): Promise<{ path: string; probe: CaseloadProbe }> {
  const dir = join(process.cwd(), "data");
  const path = join(dir, `bench-caseload-${cases}-seed${SEED}-${schemaVersion()}.db`);
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true });
    const building = `${path}.building`;
    for (const s of ["", "-wal", "-shm"]) rmSync(`${building}${s}`, { force: true });
    const db = openDatabase({ kind: "sqlite", path: building, synchronous: "normal" });
    const keyring = loadKeyring(`${path}.key`, { createIfMissing: true });
    await migrateToLatest(db, keyring);
    await seedDemo(db, systemClock, { cases: 0, production: false, seed: SEED, keyring });
    const loaded = await bulkLoadCases(db, keyring, systemClock, { cases, seed: SEED });
    await giveMyWork(db);
    await db.close();
    renameSync(building, path);
    process.stderr.write(`built ${cases}-case database in ${(loaded.ms / 1000).toFixed(1)} s\n`);
  }
  const db = openDatabase({ kind: "sqlite", path });
  try {
    return {
      path,
      probe: await probeOf(db, loadKeyring(`${path}.key`, { createIfMissing: false })),
    };
  } finally {
    await db.close();
  }
}

/** The first CPS investigator: 200 open obligations are theirs, their role's queue is empty. */
async function giveMyWork(db: Db): Promise<void> {
  const k = db.kysely;
  const me = await k
    .selectFrom("memberships")
    .select(["user_id", "agency_id", "role"])
    .where("role", "=", "cps_investigator")
    .orderBy("created_at")
    .executeTakeFirstOrThrow();
  const colleague = await k
    .selectFrom("memberships")
    .select("user_id")
    .where("agency_id", "=", me.agency_id)
    .where("user_id", "!=", me.user_id)
    .orderBy("created_at")
    .executeTakeFirstOrThrow();
  const agencyCases = k
    .selectFrom("cases")
    .select("id")
    .where("agency_id", "=", me.agency_id)
    .where("status", "=", "open");
  await k
    .updateTable("obligations")
    .set({ owner_user_id: colleague.user_id })
    .where("status", "=", "open")
    .where("case_id", "in", agencyCases)
    .where((eb) => eb.or([eb("owner_user_id", "is", null), eb("owner_user_id", "=", me.user_id)]))
    .execute();
  const mine = k
    .selectFrom("obligations")
    .select("id")
    .where("status", "=", "open")
    .where("owner_role", "=", me.role)
    .where("case_id", "in", agencyCases)
    .orderBy("id")
    .limit(MY_OPEN_OBLIGATIONS);
  await k
    .updateTable("obligations")
    .set({ owner_user_id: me.user_id })
    .where("id", "in", mine)
    .execute();
}

async function probeOf(db: Db, keyring: Keyring): Promise<CaseloadProbe> {
  const k = db.kysely;
  const c = await k
    .selectFrom("cases")
    .select(["case_number", "county_fips"])
    .orderBy("id", "desc")
    .executeTakeFirstOrThrow();
  const p = await k
    .selectFrom("persons")
    .select(["id", "given_name", "family_name", "birth_date", "phone", "address"])
    .where("name_dob_index", "is not", null)
    .orderBy("id")
    .executeTakeFirstOrThrow();
  const identity = openIdentity(keyring, p, ["givenName", "familyName", "birthDate"]);
  return {
    caseNumber: c.case_number,
    countyFips: c.county_fips ?? "28049",
    person: {
      givenName: identity.givenName ?? "",
      familyName: identity.familyName ?? "",
      birthDate: identity.birthDate ?? "",
    },
  };
}
