import type { Faker } from "@faker-js/faker";
import type { Kysely } from "kysely";
import { openCaseInput } from "../../contract/intake/inputs.ts";
import { AGENCY_KINDS, type AgencyKind, CASE_SOURCES, VENUES } from "../../domain/catalogues.ts";
import { MISSISSIPPI_COUNTIES } from "../../domain/counties.ts";
import type { Role } from "../../domain/roles.ts";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/database.ts";
import type { Database } from "../db/schema.ts";
import { analyzeDatabase } from "../db/sqlite-tuning.ts";
import { newId } from "../ids.ts";
import type { Keyring } from "../security/keyring.ts";
import { hashPassword } from "../security/passwords.ts";
import { withoutCallerIn } from "../unit-of-work/without-caller.ts";
import { createUser } from "../use-cases/accounts/create-user.ts";
import { OPEN_CASE_UNIT, openCaseIn } from "../use-cases/intake/open-case.ts";
import { DemoPeople } from "./demo-people.ts";
import { seedDemoTaskForce } from "./seed-coordination.ts";
import { liveStory, STORIES, type Story } from "./seed-stories.ts";

export interface SeedOptions {
  cases: number;
  /** Deterministic output for a given seed, so demos and benchmarks are repeatable. */
  seed?: number;
  onProgress?: (done: number, total: number) => void;
  /** Refuses to run when true; callers pass `config.env === "production"`. */
  production: boolean;
  keyring: Keyring;
}

export interface DemoLogin {
  email: string;
  role: string;
  agency: string;
}

export interface SeedResult {
  agencies: number;
  users: number;
  cases: number;
  logins: DemoLogin[];
}

/** Every demo account's password; demo data is synthetic and never runs in production. */
export const DEMO_PASSWORD = "waypoint demo only 2026";

const BATCH = 500;
/** Cases lived through the use cases, stage by stage (seed-stories); the rest are archive. */
const STAGED_CASES = 40;
const DAY_MS = 86_400_000;

/** Synthetic agencies, one or more of each kind, named like Mississippi's real ones. */
function demoAgencies(faker: Faker): { name: string; kind: AgencyKind; county: string | null }[] {
  const county = () => faker.helpers.arrayElement(MISSISSIPPI_COUNTIES);
  const named = (kind: AgencyKind, name: (c: string) => string) => {
    const c = county();
    return { kind, name: name(c.name), county: c.fips };
  };
  return [
    named("cps", (c) => `Child Protection Services, ${c} County office (demo)`),
    named("cps", (c) => `Child Protection Services, ${c} County office (demo)`),
    named("law_enforcement", (c) => `${c} County Sheriff's Office (demo)`),
    named("law_enforcement", (c) => `${c} Human Trafficking Task Force (demo)`),
    named("mbi", () => "Mississippi Bureau of Investigation, HT Unit (demo)"),
    named("attorney_general", () => "Attorney General's Office, Victim Services (demo)"),
    named("victim_services", (c) => `${c} Survivor Advocacy Center (demo)`),
    named("medical", (c) => `${c} Forensic Clinic (demo)`),
    named("shelter", (c) => `${c} Safe House (demo)`),
    named("other", (c) => `${c} School District (demo)`),
    // Last, so the printed logins of each role stay the county offices': the office a child's
    // report falls back to when its county's office has no one (intake routing).
    {
      kind: "cps" as const,
      name: "Child Protection Services, statewide intake (demo)",
      county: null,
    },
  ].filter((a) => AGENCY_KINDS.includes(a.kind));
}

const DEMO_ROLES: Record<AgencyKind, Role[]> = {
  cps: ["cps_investigator", "agency_admin"],
  law_enforcement: ["ht_investigator", "task_force_lead"],
  mbi: ["ht_investigator", "state_coordinator"],
  attorney_general: ["analyst", "system_admin"],
  victim_services: ["victim_advocate"],
  medical: ["medical"],
  shelter: ["shelter_staff"],
  other: ["screener"],
};

export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom("agencies").select("id").limit(1).executeTakeFirst();
  return row === undefined;
}

/** Fills the database with synthetic, obviously fictional data. Never against production. */
export async function seedDemo(db: Db, clock: Clock, options: SeedOptions): Promise<SeedResult> {
  if (options.production) throw new Error("demo data is never seeded when NODE_ENV=production");
  // Loaded lazily: faker is large and only demos need it.
  const { Faker, en, en_US, base } = await import("@faker-js/faker");
  const faker = new Faker({ locale: [en_US, en, base] });
  faker.seed(options.seed ?? 2026);
  const now = clock.now();

  const agencies = demoAgencies(faker).map((a) => ({
    id: newId(),
    name: a.name,
    kind: a.kind,
    county_fips: a.county,
    created_at: now.toISOString(),
  }));
  await db.kysely.insertInto("agencies").values(agencies).execute();
  const ctx = { db, clock, keyring: options.keyring };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const logins: DemoLogin[] = [];
  for (const a of agencies) {
    for (const role of DEMO_ROLES[a.kind as AgencyKind] ?? []) {
      const email = `${role.replaceAll("_", ".")}.${a.kind.replaceAll("_", "-")}${logins.filter((l) => l.role === role).length || ""}@demo.waypoint.invalid`;
      await createUser(
        ctx,
        {
          email,
          displayName: `${faker.person.firstName()} ${faker.person.lastName()}`,
          password: DEMO_PASSWORD,
          agencyId: a.id,
          role,
        },
        null,
        { passwordHash },
      );
      logins.push({ email, role, agency: a.name });
    }
  }

  const staged = Math.min(options.cases, STAGED_CASES);
  const taskForceId = await seedDemoTaskForce(db, clock);
  const people = await DemoPeople.load(db);
  const covered = new Set(agencies.filter((a) => a.kind === "cps").map((a) => a.county_fips));
  const quietCounty = MISSISSIPPI_COUNTIES.find((c) => !covered.has(c.fips))?.fips ?? null;
  const deps = { base: ctx, people, faker, nowMs: now.getTime(), taskForceId, quietCounty };
  for (let i = 0; i < staged; i++) {
    await liveStory(deps, STORIES[i % STORIES.length] as Story, Math.floor(i / STORIES.length));
    options.onProgress?.(i + 1, options.cases);
  }
  await openArchiveCases(db, ctx, faker, agencies, options, staged);
  await analyzeDatabase(db); // the planner's statistics still describe the empty tables
  return { agencies: agencies.length, users: logins.length, cases: options.cases, logins };
}

/**
 * Cases beyond the staged ones (benchmarks seed thousands): opened directly, with no obligations,
 * in batches, as older records brought over from before Waypoint. Fast, and not a story.
 */
async function openArchiveCases(
  db: Db,
  ctx: { db: Db; clock: Clock; keyring: Keyring },
  faker: Faker,
  agencies: { id: string; kind: string }[],
  options: SeedOptions,
  staged: number,
): Promise<void> {
  const now = ctx.clock.now();
  const holders = agencies.filter((a) =>
    ["cps", "law_enforcement", "victim_services"].includes(a.kind),
  );
  for (let done = staged; done < options.cases; done += BATCH) {
    const size = Math.min(BATCH, options.cases - done);
    await db.kysely.transaction().execute(async (trx) => {
      for (let i = 0; i < size; i++) {
        const received = new Date(now.getTime() - faker.number.int({ min: 0, max: 540 }) * DAY_MS);
        const minor = faker.datatype.boolean({ probability: 0.6 });
        const input = openCaseInput.parse({
          agencyId: faker.helpers.arrayElement(holders).id,
          countyFips: faker.helpers.arrayElement(MISSISSIPPI_COUNTIES).fips,
          source: faker.helpers.arrayElement(CASE_SOURCES),
          venue: faker.helpers.arrayElement(VENUES),
          receivedAt: received.toISOString(),
          determination: faker.helpers.arrayElement([
            minor ? "sex_trafficking_minor" : "sex_trafficking",
            "labor_trafficking",
            "possible_trafficking",
          ]),
          persons: [
            {
              part: "victim",
              givenName: faker.person.firstName(),
              familyName: faker.person.lastName(),
              ageYears: minor
                ? faker.number.int({ min: 12, max: 17 })
                : faker.number.int({ min: 18, max: 45 }),
              gender: faker.helpers.arrayElement(["female", "male", "nonbinary"]),
            },
            {
              part: "suspected_trafficker",
              givenName: faker.person.firstName(),
              familyName: faker.person.lastName(),
            },
          ],
        });
        // Each case its own unit (its own audit rows), all of a batch in one transaction.
        const at = { ...ctx, clock: { now: () => received } };
        await withoutCallerIn(trx, at, OPEN_CASE_UNIT, (w) => openCaseIn(w, input));
      }
    });
    options.onProgress?.(done + size, options.cases);
  }
}
