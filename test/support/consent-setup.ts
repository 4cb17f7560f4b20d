import assert from "node:assert/strict";
import type { FastifyInstance } from "fastify";
import type { Role } from "../../src/domain/roles.ts";
import { type Clock, fixedClock } from "../../src/server/clock.ts";
import type { AppContext } from "../../src/server/context.ts";
import { testApp, testContext } from "./context.ts";
import type { TestDatabase } from "./databases.ts";
import { buildAgency, signedInAs } from "./factories.ts";
import type { TestClient } from "./http-client.ts";

/** The people an intake records on each case: the victim and everyone around them. */
const PARTS = ["victim", "family", "suspected_trafficker", "purchaser", "facilitator"] as const;
type Part = (typeof PARTS)[number];

export interface ConsentCase {
  id: string;
  /** Person id by part (one of each). */
  person: Record<Part, string>;
}

export interface ConsentWorld {
  app: FastifyInstance;
  ctx: AppContext;
  clock: Clock;
  agencies: Record<"victim_services" | "cps" | "medical" | "law_enforcement", string>;
  /** advocate (victim services), cps (CPS investigator), nurse (medical), ht (law enforcement). */
  as(name: "advocate" | "cps" | "nurse" | "ht"): TestClient;
  adult: ConsentCase;
  minor: ConsentCase;
  /** Records a consent from the victim of `c` to `recipient`, given by `givenBy` (default: self). */
  consent(
    c: ConsentCase,
    recipient: keyof ConsentWorld["agencies"],
    categories: string[],
    givenBy?: string,
  ): Promise<import("fastify").LightMyRequestResponse>;
}

/**
 * An adult's case and a minor's case taken in by a victim-services advocate (the minor's is
 * routed to CPS, the victim's record stays held by victim services), each with a family member,
 * a suspected trafficker, a purchaser and a facilitator; the nurse and the HT investigator are on
 * both case teams, as Rapid Assessment Team seats would put them.
 */
export async function consentWorld(t: TestDatabase): Promise<ConsentWorld> {
  const clock = fixedClock(new Date("2026-10-05T16:00:00Z"));
  const ctx = testContext(t.db, clock);
  const app = await testApp(ctx);
  const agencies = {} as ConsentWorld["agencies"];
  for (const kind of ["victim_services", "cps", "medical", "law_enforcement"] as const)
    agencies[kind] = (await buildAgency(t.db, { kind, county_fips: "28049" })).id;
  const clients: Record<string, TestClient> = {};
  const userIds: Record<string, string> = {};
  for (const [name, kind, role] of [
    ["advocate", "victim_services", "victim_advocate"],
    ["cps", "cps", "cps_investigator"],
    ["nurse", "medical", "medical"],
    ["ht", "law_enforcement", "ht_investigator"],
  ] as [string, keyof ConsentWorld["agencies"], Role][]) {
    const member = await signedInAs(ctx, role, { id: agencies[kind] }, { mfa: true });
    userIds[name] = member.userId;
    clients[name] = await member.signIn(app);
  }
  const as = (name: string) => clients[name] as TestClient;
  const intake = async (age: number, facts: object): Promise<ConsentCase> => {
    const res = await as("advocate").post("/api/v1/cases", {
      source: "shelter",
      countyFips: "28049",
      persons: PARTS.map((part) => ({
        part,
        givenName: `Synthetic-${part}`,
        ...(part === "victim" ? { ageYears: age } : {}),
      })),
      facts,
    });
    assert.equal(res.statusCode, 201, res.body);
    const id = res.json().caseId as string;
    const rows = await t.db.kysely
      .selectFrom("case_persons")
      .select(["person_id", "part"])
      .where("case_id", "=", id)
      .execute();
    const person = Object.fromEntries(
      rows.map((r) => [r.part, r.person_id]),
    ) as ConsentCase["person"];
    for (const name of ["nurse", "ht"])
      await t.db.kysely
        .insertInto("case_team")
        .values({
          case_id: id,
          user_id: userIds[name] as string,
          added_at: clock.now().toISOString(),
        })
        .execute();
    return { id, person };
  };
  const adult = await intake(24, {
    subject: { age: 24 },
    labor: { performed: true },
    means: { force: true },
  });
  const minor = await intake(15, {
    subject: { age: 15 },
    sex: { act: true, valueExchanged: true },
  });
  const minorCase = await t.db.kysely
    .selectFrom("cases")
    .select("agency_id")
    .where("id", "=", minor.id)
    .executeTakeFirstOrThrow();
  assert.equal(minorCase.agency_id, agencies.cps, "the child's case is routed to CPS");
  return {
    app,
    ctx,
    clock,
    agencies,
    as,
    adult,
    minor,
    consent: (c, recipient, categories, givenBy) =>
      as("advocate").post(`/api/v1/persons/${c.person.victim}/consents`, {
        recipientAgencyId: agencies[recipient],
        givenByPersonId: givenBy ?? c.person.victim,
        categories,
        purpose: "Coordinated services with the team",
        form: "signed_form",
        expiresAt: "2027-03-01T00:00:00Z",
      }),
  };
}
