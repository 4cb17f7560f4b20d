import assert from "node:assert/strict";
import type { FastifyInstance } from "fastify";
import type { Role } from "../../src/domain/roles.ts";
import type { Clock } from "../../src/server/clock.ts";
import { testApp, testContext } from "./context.ts";
import type { TestDatabase } from "./databases.ts";
import { buildAgency, signedInAs } from "./factories.ts";

/** One canary per free-text column about a person or case (defect 13 of issue 10). */
export const FREE_TEXT = {
  "persons.gender": "Gendercanary Xq",
  "assessments.facts (labor sector)": "Sectorcanary Velloway nail salon",
  "obligations.evidence (spokeWith)": "Spokecanary Thaddeus Merriwether",
  "obligations.evidence (reference)": "Refcanary-88213",
  "obligations.reason": "Reasoncanary the report went by fax",
  "plan_items.service": "Servicecanary Jubilee clinic",
  "plan_items.need": "Needcanary housing near the school",
  "plan_items.goal": "Goalcanary signed lease by June",
  "consents.purpose": "Purposecanary coordinated medical care",
  "referrals.service": "Referralcanary SANE exam at Baptist",
  "referrals.reason": "Declinecanary no Spanish interpreter",
  "break_glass.reason": "Glasscanary child seen at the bus depot tonight",
  "rat_seats.reason": "Seatcanary I know the family from church",
} as const;

/** The sealed free-text columns (table → columns), each bound to `table.column.id`. */
export const SEALED_FREE_TEXT: Record<string, string[]> = {
  persons: ["gender"],
  assessments: ["facts"],
  obligations: ["evidence", "reason"],
  plan_items: ["need", "goal", "service"],
  consents: ["purpose"],
  referrals: ["service", "reason"],
  break_glass: ["reason"],
  rat_seats: ["reason"],
};

type Obligation = {
  id: string;
  version: number;
  mayClose: boolean;
  reason: string | null;
  evidence: Record<string, unknown> | null;
};

/**
 * Writes each canary of FREE_TEXT through the API, as staff would: a child's case taken in by
 * victim services (routed to CPS), two obligations closed, a plan, a consent, a declined
 * referral, break-glass access and a declined Rapid Assessment Team seat. `readBack` reads every
 * canary a reader can see back through the API, keyed like FREE_TEXT.
 */
export async function writeFreeTextCanaries(
  t: TestDatabase,
  clock: Clock,
): Promise<{ app: FastifyInstance; readBack: () => Promise<Record<string, unknown>> }> {
  const ctx = testContext(t.db, clock);
  const app = await testApp(ctx);
  const c = FREE_TEXT;
  const agency = async (kind: string) =>
    (await buildAgency(t.db, { kind, county_fips: "28049" })).id;
  const vs = await agency("victim_services");
  const cps = await agency("cps");
  const medical = await agency("medical");
  const police = await agency("law_enforcement");
  const mbi = await agency("mbi");
  const member = async (agencyId: string, role: Role) => {
    const m = await signedInAs(ctx, role, { id: agencyId }, { mfa: true });
    return { client: await m.signIn(app), membershipId: m.membershipId };
  };
  const advocate = (await member(vs, "victim_advocate")).client;
  const cps1 = (await member(cps, "cps_investigator")).client;
  const cps2 = await member(cps, "cps_investigator");
  const nurse = (await member(medical, "medical")).client;
  const lead = (await member(police, "task_force_lead")).client;
  await member(mbi, "state_coordinator");
  const ok = (res: { statusCode: number; body: string }, status = 201) =>
    assert.equal(res.statusCode, status, res.body);

  // A child's case taken in by victim services and routed to the county's CPS office.
  const intake = await advocate.post("/api/v1/cases", {
    source: "shelter",
    countyFips: "28049",
    persons: [
      { part: "victim", givenName: "Synthetic", ageYears: 15, gender: c["persons.gender"] },
    ],
    facts: {
      subject: { age: 15 },
      sex: { act: true, valueExchanged: true },
      labor: { performed: true, sector: c["assessments.facts (labor sector)"] },
    },
  });
  ok(intake);
  const caseId = intake.json().caseId as string;
  const victimId = (await advocate.get(`/api/v1/cases/${caseId}`)).json().persons[0].id as string;

  const obligations = async (): Promise<Obligation[]> =>
    (await advocate.get(`/api/v1/cases/${caseId}/obligations`)).json().obligations;
  const closable = (await obligations()).filter((o) => o.mayClose);
  assert.ok(closable.length >= 2, "the reporter owns at least two obligations");
  const [done, skipped] = closable as [Obligation, Obligation];
  ok(
    await advocate.post(`/api/v1/obligations/${done.id}/close`, {
      version: done.version,
      status: "done",
      evidence: {
        reference: c["obligations.evidence (reference)"],
        spokeWith: c["obligations.evidence (spokeWith)"],
      },
    }),
    200,
  );
  ok(
    await advocate.post(`/api/v1/obligations/${skipped.id}/close`, {
      version: skipped.version,
      status: "not_applicable",
      reason: c["obligations.reason"],
    }),
    200,
  );

  ok(
    await advocate.post(`/api/v1/cases/${caseId}/plans`, {
      personId: victimId,
      items: [
        {
          domain: "restoration",
          need: c["plan_items.need"],
          goal: c["plan_items.goal"],
          service: c["plan_items.service"],
        },
      ],
    }),
  );
  ok(
    await advocate.post(`/api/v1/persons/${victimId}/consents`, {
      recipientAgencyId: medical,
      givenByPersonId: victimId,
      categories: ["health"],
      purpose: c["consents.purpose"],
      form: "signed_form",
      expiresAt: "2027-03-01T00:00:00Z",
    }),
  );
  const referral = await advocate.post(`/api/v1/cases/${caseId}/referrals`, {
    personId: victimId,
    toAgencyId: medical,
    domain: "health",
    service: c["referrals.service"],
    disclosesIdentity: false,
  });
  ok(referral);
  ok(
    await nurse.post(`/api/v1/referrals/${referral.json().id}/respond`, {
      version: 1,
      status: "declined",
      reason: c["referrals.reason"],
    }),
    200,
  );
  ok(
    await lead.post(`/api/v1/cases/${caseId}/break-glass`, { reason: c["break_glass.reason"] }),
    200,
  );

  const tf = await lead.post("/api/v1/task-forces", { name: "Canary task force" });
  ok(tf);
  ok(
    await lead.post(`/api/v1/task-forces/${tf.json().id}/members`, {
      membershipId: cps2.membershipId,
    }),
    204,
  );
  ok(await cps1.post(`/api/v1/cases/${caseId}/rat`, { taskForceId: tf.json().id }));
  const [offer] = (await cps2.client.get("/api/v1/me/seat-offers")).json().offers;
  assert.ok(offer, "the CPS seat is offered");
  ok(
    await cps2.client.post(`/api/v1/rat-seats/${offer.id}/respond`, {
      response: "declined",
      reason: c["rat_seats.reason"],
    }),
    200,
  );

  const readBack = async () => {
    const all = await obligations();
    const evidence = all.find((o) => o.id === done.id)?.evidence ?? {};
    const [plan] = (await advocate.get(`/api/v1/cases/${caseId}/plans`)).json().plans;
    const [consent] = (await advocate.get(`/api/v1/persons/${victimId}/consents`)).json().consents;
    const [sent] = (await advocate.get(`/api/v1/cases/${caseId}/referrals`)).json().referrals;
    const [incoming] = (await nurse.get("/api/v1/me/referrals")).json().referrals;
    const team = (await cps1.get(`/api/v1/cases/${caseId}/rat`)).json().team;
    const view = (await advocate.get(`/api/v1/cases/${caseId}`)).json();
    return {
      "persons.gender": view.persons[0].gender,
      "obligations.evidence (spokeWith)": evidence.spokeWith,
      "obligations.evidence (reference)": evidence.reference,
      "obligations.reason": all.find((o) => o.id === skipped.id)?.reason,
      "plan_items.service": plan.items[0].service,
      "plan_items.need": plan.items[0].need,
      "plan_items.goal": plan.items[0].goal,
      "consents.purpose": consent.purpose,
      "referrals.service": [sent.service, incoming?.service ?? sent.service],
      "referrals.reason": sent.reason,
      "rat_seats.reason": team.seats.find((s: { status: string }) => s.status === "declined")
        ?.reason,
    };
  };
  return { app, readBack };
}

/** What `readBack` must answer: every canary a reader sees, as written. */
export function expectedReadBack(): Record<string, unknown> {
  const {
    "assessments.facts (labor sector)": _facts,
    "break_glass.reason": _glass,
    ...seen
  } = FREE_TEXT;
  return { ...seen, "referrals.service": [seen["referrals.service"], seen["referrals.service"]] };
}
