import type { Faker } from "@faker-js/faker";
import type { IntakeInput } from "../../contract/intake/inputs.ts";
import { needsReportEvidence } from "../../domain/closing.ts";
import type { Db } from "../db/database.ts";
import type { Keyring } from "../security/keyring.ts";
import { takeObligation } from "../use-cases/assignment/take-obligation.ts";
import { changeCaseStatus } from "../use-cases/case-file/change-case-status.ts";
import { createServicePlan } from "../use-cases/case-file/create-service-plan.ts";
import { respondToReferral } from "../use-cases/case-file/respond-to-referral.ts";
import { sendReferral } from "../use-cases/case-file/send-referral.ts";
import { formRapidAssessmentTeam } from "../use-cases/coordination/form-rapid-assessment-team.ts";
import { respondToRatSeat } from "../use-cases/coordination/respond-to-rat-seat.ts";
import { takeIntake } from "../use-cases/intake/take-intake.ts";
import { closeObligation } from "../use-cases/obligations/close-obligation.ts";
import { at, type DemoPeople, type DemoPerson } from "./demo-people.ts";

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * The demo's cases, each lived through the real use cases as the demo people, clock stepped
 * forward through its life, so that obligations, owners, routing, teams, plans, referrals and the
 * timeline are what the app itself would have made. The stages come in this order, so even a
 * three-case demo (the end-to-end tests) has a report overdue, one just in and a team forming.
 */
export const STORIES = [
  "overdue",
  "new",
  "team_forming",
  "team_formed",
  "plan_under_way",
  "referral_waiting",
  "closed",
] as const;
export type Story = (typeof STORIES)[number];

interface StoryDeps {
  base: { db: Db; keyring: Keyring };
  people: DemoPeople;
  faker: Faker;
  nowMs: number;
  taskForceId: string | null;
  /** A county whose CPS office has no one: its reports fall back to the statewide office. */
  quietCounty: string | null;
}

const person = (faker: Faker, age: number) => ({
  part: "victim" as const,
  givenName: faker.person.firstName(),
  familyName: faker.person.lastName(),
  ageYears: age,
  gender: faker.helpers.arrayElement(["female", "male", "nonbinary"]),
});

/** Facts of a child in commercial sex: no force, fraud or coercion needed (§ 97-3-54.1(1)(c)). */
const childFacts = (age: number) => ({
  subject: { age },
  sex: { act: true, valueExchanged: true },
  indicators: ["homeless_or_runaway"],
});
/** Facts of an adult made to work by fraud and coercion (§ 97-3-54.1(1)(a)). */
const adultLaborFacts = (age: number) => ({
  subject: { age },
  labor: { performed: true, sector: "agriculture" },
  means: { force: null, fraud: true, coercion: true },
  indicators: ["no_control_of_money", "excessive_hours"],
});

/** Lives one story for the `round`-th time (later rounds happened longer ago). */
export async function liveStory(d: StoryDeps, story: Story, round: number): Promise<void> {
  const { people, faker } = d;
  const stretch = 1 + round;
  const screener = people.first("screener");
  const cps = people.first("cps_investigator");
  const ht = people.first("ht_investigator");
  const advocate = people.first("victim_advocate");
  if (!screener || !cps || !ht || !advocate) return;
  const childAge = faker.number.int({ min: 12, max: 17 });
  const adultAge = faker.number.int({ min: 19, max: 44 });
  const child = (source: IntakeInput["source"], county: string | null) =>
    ({
      source,
      countyFips: county ?? undefined,
      venue: "online",
      persons: [person(faker, childAge)],
      facts: childFacts(childAge),
    }) as IntakeInput;
  const adult = (source: IntakeInput["source"]) =>
    ({
      source,
      countyFips: advocate.agencyCounty ?? undefined,
      venue: "agriculture",
      persons: [person(faker, adultAge)],
      facts: adultLaborFacts(adultAge),
    }) as IntakeInput;
  const t0 = (ms: number) => d.nowMs - ms * stretch;

  switch (story) {
    case "overdue": {
      // A teacher's report three days ago: routed to the county's CPS office, nothing done since.
      await intake(d, screener, child("school", cps.agencyCounty), t0(3 * DAY_MS));
      return;
    }
    case "new": {
      // Twenty minutes ago, from a county whose office has no one: the statewide office has it.
      await intake(d, screener, child("school", d.quietCounty), d.nowMs - 20 * MINUTE_MS);
      return;
    }
    case "team_forming": {
      const start = t0(6 * HOUR_MS);
      const c = await intake(d, cps, child("cps_hotline", cps.agencyCounty), start);
      await meetOwn(d, c.caseId, start + 30 * MINUTE_MS, ["report_mbi_ht_coordinator"]);
      await formTeam(d, c.caseId, start + HOUR_MS, ["cps_investigator"]);
      return;
    }
    case "team_formed": {
      const start = t0(2 * DAY_MS);
      const c = await intake(d, ht, child("law_enforcement", cps.agencyCounty), start);
      await formTeam(d, c.caseId, start + HOUR_MS, [
        "cps_investigator",
        "ht_investigator",
        "victim_advocate",
      ]);
      await meetOwn(d, c.caseId, start + 4 * HOUR_MS);
      return;
    }
    case "plan_under_way": {
      const start = t0(10 * DAY_MS);
      const c = await intake(d, advocate, adult("shelter"), start);
      await meetOwn(d, c.caseId, start + 2 * HOUR_MS, undefined, advocate);
      await plan(d, advocate, c.caseId, start + DAY_MS);
      // The first round's referral still waits on the clinic (its first screen); later ones were accepted.
      await refer(d, advocate, c.caseId, "medical", start + 2 * DAY_MS, round > 0);
      return;
    }
    case "referral_waiting": {
      const start = t0(DAY_MS);
      const c = await intake(d, advocate, adult("national_hotline"), start);
      await refer(d, advocate, c.caseId, "shelter", start + 3 * HOUR_MS, false);
      return;
    }
    case "closed": {
      const start = t0(60 * DAY_MS);
      // Run by the advocate's agency, which holds it (victim services close their own cases).
      const c = await intake(d, advocate, adult("law_enforcement"), start);
      await meetOwn(d, c.caseId, start + DAY_MS, undefined, advocate);
      await plan(d, advocate, c.caseId, start + 2 * DAY_MS);
      await close(d, advocate, c.caseId, start + 30 * DAY_MS);
      return;
    }
  }
}

async function intake(d: StoryDeps, by: DemoPerson, input: IntakeInput, ms: number) {
  return takeIntake(at(d.base, ms), by.actor, { ...input, receivedAt: new Date(ms).toISOString() });
}

/** The open obligations of a case, with who answers for each (a person, or a role's queue). */
function openObligations(d: StoryDeps, caseId: string) {
  return d.base.db.kysely
    .selectFrom("obligations")
    .select(["id", "action_id", "owner_role", "owner_user_id", "version"])
    .where("case_id", "=", caseId)
    .where("status", "=", "open")
    .orderBy("id")
    .execute();
}

/**
 * Each open obligation owned by a person is met by that person (a report with its reference,
 * whom and when), optionally only the actions listed; one waiting in the queue of `taker`'s role
 * is taken by `taker` first, as a worker picks up the case's own duties.
 */
async function meetOwn(
  d: StoryDeps,
  caseId: string,
  ms: number,
  only?: string[],
  taker?: DemoPerson,
) {
  for (const o of await openObligations(d, caseId)) {
    if (only && !only.includes(o.action_id)) continue;
    let owner = o.owner_user_id ? d.people.user(o.owner_user_id) : undefined;
    let version = Number(o.version);
    if (!o.owner_user_id && taker && o.owner_role === taker.actor.role) {
      version = (await takeObligation(at(d.base, ms), taker.actor, o.id, { version })).version;
      owner = taker;
    }
    if (!owner) continue;
    const when = new Date(ms).toISOString();
    await closeObligation(at(d.base, ms), owner.actor, o.id, {
      version,
      status: "done",
      ...(needsReportEvidence(o.action_id)
        ? {
            evidence: {
              reference: `DEMO-${o.id.slice(-6).toUpperCase()}`,
              spokeWith: "Intake desk (demo)",
              at: when,
            },
          }
        : {}),
    });
  }
}

/** The CPS investigator convenes the team; the seats listed are accepted an hour later. */
async function formTeam(d: StoryDeps, caseId: string, ms: number, accepted: string[]) {
  if (!d.taskForceId) return;
  const holder = await d.base.db.kysely
    .selectFrom("cases")
    .select("assigned_user_id")
    .where("id", "=", caseId)
    .executeTakeFirst();
  const convener = holder?.assigned_user_id ? d.people.user(holder.assigned_user_id) : undefined;
  if (!convener) return;
  const rat = await formRapidAssessmentTeam(at(d.base, ms), convener.actor, caseId, {
    taskForceId: d.taskForceId,
  });
  for (const seat of rat.seats ?? []) {
    if (!accepted.includes(seat.seat) || seat.status !== "offered") continue;
    const member = d.people.membership(seat.membershipId);
    if (!member) continue;
    await respondToRatSeat(at(d.base, ms + HOUR_MS), member.actor, seat.id, {
      response: "accepted",
    });
  }
}

async function victimOf(d: StoryDeps, caseId: string): Promise<string | undefined> {
  const row = await d.base.db.kysely
    .selectFrom("case_persons")
    .select("person_id")
    .where("case_id", "=", caseId)
    .where("part", "=", "victim")
    .executeTakeFirst();
  return row?.person_id;
}

async function plan(d: StoryDeps, by: DemoPerson, caseId: string, ms: number) {
  const personId = await victimOf(d, caseId);
  if (!personId) return;
  const day = (offset: number) => new Date(ms + offset * DAY_MS).toISOString().slice(0, 10);
  await createServicePlan(at(d.base, ms), by.actor, caseId, {
    personId,
    kind: "service_plan",
    items: [
      {
        domain: "restoration",
        need: "A safe place to stay",
        service: "Emergency shelter",
        startsOn: day(0),
        status: "in_progress",
      },
      {
        domain: "health",
        need: "Medical check-up",
        service: "Forensic clinic visit",
        startsOn: day(2),
        status: "planned",
      },
      {
        domain: "legal",
        need: "Understand her rights",
        service: "Legal aid consultation",
        startsOn: day(7),
        endsOn: day(30),
        status: "planned",
      },
    ],
  } as never);
}

/** A referral without the person's name (no consent needed); accepted a day later if asked. */
async function refer(
  d: StoryDeps,
  by: DemoPerson,
  caseId: string,
  kind: "medical" | "shelter",
  ms: number,
  accept: boolean,
) {
  const personId = await victimOf(d, caseId);
  const toAgencyId = d.people.agencyOf(kind);
  if (!personId || !toAgencyId) return;
  const sent = await sendReferral(at(d.base, ms), by.actor, caseId, {
    personId,
    toAgencyId,
    domain: kind === "medical" ? "health" : "restoration",
    service: kind === "medical" ? "Medical check-up" : "Emergency shelter bed",
    disclosesIdentity: false,
  });
  const receiver = d.people.first(kind === "medical" ? "medical" : "shelter_staff");
  if (accept && receiver)
    await respondToReferral(at(d.base, ms + DAY_MS), receiver.actor, sent.id, {
      version: 1,
      status: "accepted",
    });
}

/** Closes a case: what the holder's people did is met, the rest retired with a reason. */
async function close(d: StoryDeps, by: DemoPerson, caseId: string, ms: number) {
  const row = await d.base.db.kysely
    .selectFrom("cases")
    .select("version")
    .where("id", "=", caseId)
    .executeTakeFirstOrThrow();
  const retire = (await openObligations(d, caseId)).map((o) => ({
    obligationId: o.id,
    reason: "Handled by the team before the case closed (demo)",
  }));
  await changeCaseStatus(at(d.base, ms), by.actor, caseId, {
    version: Number(row.version),
    status: "closed",
    outcome: "services_provided",
    retire,
  });
}
